// stakemap-bench: times StakeMap's path-based centralities for Scripts/benchmarks/centrality.sh, which
// runs it beside igraph on the same edge list and compares speed and values.
//
//   stakemap-bench edgelist FILE [--threads N] [--reps N] [--values OUT.json]
//   stakemap-bench load NETWORKFILE [--reps N]
//
// Prints one JSON object on standard output: graph size, thread count, and the best of N
// repetitions (default 3) in seconds for building the CSR graph, betweenness, and closeness
// with harmonic (one sweep). With --values it also writes the computed arrays as JSON (from
// the last repetition) so that the caller can compare them with another implementation.
//
// `load` reads a network file (YAML or JSON) into the model and builds the CSR graph from it,
// and prints the time of each step, the graph's memory and the process's peak RSS after
// reading and at the end: the figures behind the README's "Loading at scale" table.
import StakeMapAlgorithms
import StakeMapFormats
import StakeMapGraph
import StakeMapModel
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Failure: Error, CustomStringConvertible {
  let description: String
}

struct EdgeList {
  var nodeCount = 0
  var sources: [Int32] = []
  var targets: [Int32] = []
  var weights: [Double] = []
}

/// Reads "u v [w]" lines (whitespace separated, nodes 0-based, w default 1); blank lines and
/// lines starting with '#' are skipped, except "# nodes N", which sets the node count (so
/// isolated nodes can exist). Otherwise the node count is the largest id + 1. Self-loops are
/// dropped, as the graph does.
func readEdgeList(_ path: String) throws -> EdgeList {
  let data: [UInt8]
  do {
    data = try InputFile.contents(of: path)
  } catch {
    throw Failure(description: "cannot read \(path)")
  }
  var list = EdgeList()
  var declared = -1
  var maxID = -1
  var lineNumber = 0
  for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
    lineNumber += 1
    let fields = line.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 13 })
    guard let first = fields.first else { continue }
    if first.first == UInt8(ascii: "#") {
      if fields.count == 3, String(decoding: fields[1], as: UTF8.self) == "nodes",
        let n = Int(String(decoding: fields[2], as: UTF8.self))
      {
        declared = n
      }
      continue
    }
    let text = fields.map { String(decoding: $0, as: UTF8.self) }
    guard text.count == 2 || text.count == 3, let u = Int32(text[0]), let v = Int32(text[1]),
      u >= 0, v >= 0
    else {
      throw Failure(description: "\(path):\(lineNumber): expected 'u v [weight]'")
    }
    let w = text.count == 3 ? Double(text[2]) : 1
    guard let w, w.isFinite, w > 0 else {
      throw Failure(description: "\(path):\(lineNumber): weight must be finite and > 0")
    }
    maxID = max(maxID, Int(u), Int(v))
    if u == v { continue }
    list.sources.append(u)
    list.targets.append(v)
    list.weights.append(w)
  }
  if declared >= 0 && declared <= maxID {
    throw Failure(description: "\(path): '# nodes \(declared)' but node \(maxID) occurs")
  }
  list.nodeCount = declared >= 0 ? declared : maxID + 1
  return list
}

/// Runs `body` `reps` times and returns the shortest wall-clock time in seconds and the last
/// result. Each result is let go before the next run, so that the peak memory is one run's.
func best<T>(of reps: Int, _ body: () -> T) -> (seconds: Double, result: T) {
  let clock = ContinuousClock()
  var fastest = Double.infinity
  var result: T?
  for _ in 0..<reps {
    result = nil
    let start = clock.now
    let r = body()
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    fastest = min(fastest, seconds)
    result = r
  }
  return (fastest, result!)
}

func jsonNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

func jsonArray(_ values: [Double]) -> String {
  "[" + values.map { $0.isFinite ? "\($0)" : "null" }.joined(separator: ",") + "]"
}

/// Counts the sources a sweep has finished (its progress callback) and asks it to stop once
/// `limit` are done: `--sources K` times a sweep over the first ≈ K sources only.
final class SourceLimit: Sendable {
  let limit: Int
  private let done = Mutex<Int>(0)
  init(_ limit: Int) { self.limit = limit }
  func record(_ count: Int) { done.withLock { $0 = count } }
  var finished: Int { done.withLock { $0 } }
  var reached: Bool { finished >= limit }
}

func benchmarkEdgeList(
  path: String, threads: Int, reps: Int, valuesPath: String?, only: String?, epsilon: Double,
  sources: Int?
) throws {
  let list = try readEdgeList(path)
  let build = best(of: reps) {
    Graph(
      nodeCount: list.nodeCount, sources: list.sources, targets: list.targets,
      weights: list.weights)
  }
  let g = build.result
  let options = CentralityOptions(threads: threads)
  if let sources {
    // The exact sweep over the first ≈ K sources (whole rounds of chunks), stopped there; the
    // time per source times n is the extrapolated full sweep (labelled so in the output).
    let metric: Metric = only == "closeness" ? .closeness : .betweenness
    let limit = SourceLimit(sources)
    var limited = options
    limited.progress = { done, _ in limit.record(done) }
    limited.shouldStop = { limit.reached }
    let run = best(of: 1) { Centrality.compute(g, metrics: [metric], options: limited) }
    let swept = max(limit.finished, 1)
    let perSource = run.seconds / Double(swept)
    print(
      """
      {"file": "\(path)", "nodes": \(g.nodeCount), "edges": \(g.edgeCount), \
      "weighted": \(g.isWeighted), "threads": \(threads), "metric": "\(metric.rawValue)", \
      "sources_swept": \(swept), "seconds": \(run.seconds), "seconds_per_source": \(perSource), \
      "extrapolated_full_sweep_seconds": \(perSource * Double(g.nodeCount))}
      """)
    return
  }
  if only == "approximate" {
    let run = best(of: reps) { ApproximateBetweenness.compute(g, epsilon: epsilon, options: options) }
    print(
      """
      {"file": "\(path)", "nodes": \(g.nodeCount), "edges": \(g.edgeCount), "threads": \(threads), \
      "repetitions": \(reps), "epsilon": \(epsilon), "confidence": \(run.result.confidence), \
      "samples": \(run.result.samples), "maximum_samples": \(run.result.maximumSamples), \
      "approximate_betweenness_seconds": \(run.seconds)}
      """)
    if let valuesPath {
      let json = "{\"betweenness\": \(jsonArray(run.result.values))}\n"
      guard FileManager.default.createFile(atPath: valuesPath, contents: Data(json.utf8)) else {
        throw Failure(description: "cannot write \(valuesPath)")
      }
    }
    return
  }
  if only == "eigenvector" {
    let run = best(of: reps) { Eigenvector.compute(g) }
    print(
      """
      {"file": "\(path)", "nodes": \(g.nodeCount), "edges": \(g.edgeCount), \
      "weighted": \(g.isWeighted), "repetitions": \(reps), "eigenvector_seconds": \(run.seconds)}
      """)
    if let valuesPath {
      let json = "{\"eigenvector\": \(jsonArray(run.result))}\n"
      guard FileManager.default.createFile(atPath: valuesPath, contents: Data(json.utf8)) else {
        throw Failure(description: "cannot write \(valuesPath)")
      }
    }
    return
  }
  if only == "paths" {
    // What `analyze` and `report` run: the three path-based metrics in one call (on weighted
    // graphs one shared Dijkstra sweep, unless degree-1 folding applies).
    let run = best(of: reps) {
      Centrality.compute(g, metrics: [.betweenness, .closeness, .harmonic], options: options)
    }
    print(
      """
      {"file": "\(path)", "nodes": \(g.nodeCount), "edges": \(g.edgeCount), \
      "weighted": \(g.isWeighted), "threads": \(threads), "repetitions": \(reps), \
      "csr_build_seconds": \(build.seconds), "paths_seconds": \(run.seconds)}
      """)
    if let valuesPath {
      let json = """
        {"betweenness": \(jsonArray(run.result.betweenness)), \
        "closeness": \(jsonArray(run.result.closeness)), \
        "harmonic": \(jsonArray(run.result.harmonic))}

        """
      guard FileManager.default.createFile(atPath: valuesPath, contents: Data(json.utf8)) else {
        throw Failure(description: "cannot write \(valuesPath)")
      }
    }
    return
  }
  let skipped = (seconds: Double.nan, result: [Double]())
  let betweenness =
    only == "closeness" ? skipped : best(of: reps) { Betweenness.compute(g, options: options) }
  let closeness =
    only == "betweenness"
    ? (seconds: Double.nan, result: (closeness: [Double](), harmonic: [Double]()))
    : best(of: reps) { Closeness.computeWithHarmonic(g, options: options) }
  let timings = """
    {"file": "\(path)", "nodes": \(g.nodeCount), "edges": \(g.edgeCount), \
    "weighted": \(g.isWeighted), "threads": \(threads), "repetitions": \(reps), \
    "csr_build_seconds": \(build.seconds), "betweenness_seconds": \(jsonNumber(betweenness.seconds)), \
    "closeness_harmonic_seconds": \(jsonNumber(closeness.seconds))}
    """
  print(timings)
  if let valuesPath {
    let json = """
      {"betweenness": \(jsonArray(betweenness.result)), \
      "closeness": \(jsonArray(closeness.result.closeness)), \
      "harmonic": \(jsonArray(closeness.result.harmonic))}

      """
    guard FileManager.default.createFile(atPath: valuesPath, contents: Data(json.utf8)) else {
      throw Failure(description: "cannot write \(valuesPath)")
    }
  }
}

let usage = """
  usage: stakemap-bench edgelist FILE [--threads N] [--reps N] [--values OUT.json]
                                [--only betweenness|closeness|paths|approximate|eigenvector] [--epsilon E]
                                [--sources K]
         stakemap-bench load NETWORKFILE [--reps N]

  edgelist  times CSR build, betweenness and closeness+harmonic on an edge list of
            'u v [weight]' lines (0-based ids; '# nodes N' declares the node count);
            prints JSON with the best of --reps runs (default 3) using --threads worker
            threads (default: all active processors). --only times one of the two
            (the other's time is null, its values empty); paths times the three
            path-based metrics in one Centrality.compute(metrics:) call (what
            `analyze` and `report` run); eigenvector times Eigenvector.compute
            (one thread); approximate times
            ApproximateBetweenness with --epsilon (default 0.001), confidence 0.95.
            --sources K runs the exact sweep (betweenness, or closeness with --only
            closeness) over about the first K sources only, once, and prints the time
            per source and the full sweep extrapolated from it (for graphs where the
            whole sweep takes too long to time).
  load      times reading a network file (.yaml/.json) into the model and building the
            CSR graph from it; prints JSON with sizes, the best of --reps runs (default 1),
            the graph's bytes and the peak resident set size.
  """

func main() throws {
  var arguments = Array(CommandLine.arguments.dropFirst())
  guard let command = arguments.first else { throw Failure(description: usage) }
  arguments.removeFirst()
  var positional: [String] = []
  var threads = CentralityOptions().threads
  var reps = 3
  var valuesPath: String?
  var only: String?
  var epsilon = 0.001
  var sources: Int?
  var i = 0
  while i < arguments.count {
    let argument = arguments[i]
    func value() throws -> String {
      i += 1
      guard i < arguments.count else { throw Failure(description: "\(argument) needs a value") }
      return arguments[i]
    }
    switch argument {
    case "--threads":
      guard let n = Int(try value()), n >= 1 else {
        throw Failure(description: "--threads needs a positive integer")
      }
      threads = n
    case "--reps":
      guard let n = Int(try value()), n >= 1 else {
        throw Failure(description: "--reps needs a positive integer")
      }
      reps = n
    case "--values":
      valuesPath = try value()
    case "--only":
      let metric = try value()
      guard ["betweenness", "closeness", "paths", "approximate", "eigenvector"].contains(metric)
      else {
        throw Failure(
          description: "--only needs betweenness, closeness, paths, approximate or eigenvector")
      }
      only = metric
    case "--epsilon":
      guard let e = Double(try value()), e > 0, e < 1 else {
        throw Failure(description: "--epsilon needs a number between 0 and 1")
      }
      epsilon = e
    case "--sources":
      guard let n = Int(try value()), n >= 1 else {
        throw Failure(description: "--sources needs a positive integer")
      }
      sources = n
    case "-h", "--help":
      print(usage)
      return
    default:
      if argument.hasPrefix("-") { throw Failure(description: "unknown option \(argument)") }
      positional.append(argument)
    }
    i += 1
  }
  switch command {
  case "edgelist":
    guard positional.count == 1 else { throw Failure(description: usage) }
    try benchmarkEdgeList(
      path: positional[0], threads: threads, reps: reps, valuesPath: valuesPath, only: only,
      epsilon: epsilon, sources: sources)

  case "load":
    guard positional.count == 1 else { throw Failure(description: usage) }
    try benchmarkLoad(path: positional[0], reps: arguments.contains("--reps") ? reps : 1)

  case "-h", "--help", "help":
    print(usage)
  default:
    throw Failure(description: "unknown command \(command)\n\(usage)")
  }
}

/// The process's peak resident memory so far, in MiB.
func peakResidentMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  // ru_maxrss is in kilobytes on Linux.
  return Double(usage.ru_maxrss) / 1024
}

/// Reads a network file and builds its graph, timing both; the read is repeated `reps` times
/// and the best time kept (the file is in the page cache after the first).
func benchmarkLoad(path: String, reps: Int) throws {
  let read = best(of: reps) { NetworkReader.read(path: path) }
  guard let network = read.result.network else {
    throw Failure(description: read.result.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
  }
  let readPeakMB = peakResidentMegabytes()
  let build = best(of: max(reps, 3)) { Graph(network: network) }
  let graph = build.result
  // Resident memory after loading: the model and the graph.
  let statm = (try? String(decoding: InputFile.contents(of: "/proc/self/statm"), as: UTF8.self)) ?? ""
  let residentPages = Double(statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0)
  let residentMB = residentPages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  let peakMB = peakResidentMegabytes()
  print(
    """
    {"file": "\(path)", "actors": \(network.actors.count), "relations": \(network.relations.count), \
    "ties": \(graph.edgeCount), "read_seconds": \(read.seconds), "csr_build_seconds": \(build.seconds), \
    "graph_megabytes": \(Double(graph.memoryFootprint) / 1_048_576), \
    "resident_after_load_megabytes": \(residentMB), "peak_rss_after_read_megabytes": \(readPeakMB), \
    "peak_rss_megabytes": \(peakMB), \
    "relation_stride_bytes": \(MemoryLayout<Relation>.stride), "actor_stride_bytes": \(MemoryLayout<Actor>.stride)}
    """)
}

do {
  try main()
} catch {
  var message = "stakemap-bench: \(error)\n"
  message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(1)
}
