internal import CGraphviz

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses DOT text like `agmemread`, but with object IDs in creation order, which makes
/// clusters come out in a reproducible order.
///
/// Why (measured): cgraph's default ID discipline (`AgIdDisc`, lib/cgraph/id.c) uses the
/// *address* of the interned name as a named object's ID, and a graph's subgraphs are kept in
/// a dictionary ordered by ID. Within one process the addresses depend on earlier allocations,
/// so the same DOT rendered twice listed (and laid out) its clusters in different orders: 4
/// different SVGs out of 4 renders of a two-cluster map with `dot`; with the clusters removed,
/// 1 out of 4. A fresh `dot` process is deterministic only because its heap is.
///
/// It also resets the lexer's buffer and line counter before each parse (see ``read(_:)``).
///
/// This reader is `agread` with two disciplines of its own:
/// - an I/O discipline that reads the text from memory line by line (as `agmemread` does);
/// - an ID discipline that interns names with `agstrdup` (so `agnameof` still returns a
///   cgraph string, which code like `aghtmlstr` expects) but hands out sequential even IDs in
///   first-use order, and odd IDs for anonymous objects, like the default.
/// The memory discipline stays cgraph's default. Interned names are released by `agclose`
/// with the graph's string dictionary, so freeing an ID does nothing here.
///
/// Must only be called with ``GraphvizContext/shared`` locked.
enum DOTReader {
  /// Parses `dot`; `nil` if cgraph rejected it (the error callback has the reason).
  static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
    var bytes = Array(dot.utf8)
    // Like agmemread (strlen), the text ends at the first NUL.
    if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
    // The lexer is process-wide state that agmemread does not reset. Its buffer keeps what it
    // read past the closing `}` of the previous graph and feeds it into the next parse
    // (measured: the writer's trailing newline shifted error line numbers by one; a raw
    // "digraph a {} digraph b {…}" would inject graph b into the next render), and its line
    // counter keeps counting across documents. Reset both.
    aglexbad()
    agreadline(1)
    return bytes.withUnsafeBufferPointer { buffer in
      var reader = MemoryReader(bytes: buffer, cursor: 0)
      return withUnsafeMutablePointer(to: &reader) { channel in
        agread(UnsafeMutableRawPointer(channel), discipline)
      }
    }
  }

  /// The position in the text being parsed; the `chan` of the I/O discipline.
  private struct MemoryReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var cursor: Int
  }

  /// Per-graph state of the ID discipline (the `state` pointer cgraph passes back).
  private final class IDState {
    let graph: UnsafeMutablePointer<Agraph_t>
    var ids: [[UInt8]: IDTYPE] = [:]
    var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
    var nextNamed: IDTYPE = 2
    var nextAnonymous: IDTYPE = 1

    init(graph: UnsafeMutablePointer<Agraph_t>) {
      self.graph = graph
    }
  }

  /// The disciplines, allocated once and never freed: every graph read keeps pointers to them.
  nonisolated(unsafe) private static let discipline: UnsafeMutablePointer<Agdisc_t> = {
    // C function pointers must be literal closures; they forward to the static functions below.
    let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
    io.initialize(
      to: Agiodisc_t(afread: { readLine($0, $1, $2) }, putstr: { _, _ in 0 }, flush: { _ in 0 }))
    let id = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
    id.initialize(
      to: Agiddisc_t(
        open: { openIDs($0, $1) }, map: { mapID($0, $1, $2, $3, $4) }, alloc: { _, _, _ in 0 },
        free: { _, _, _ in }, print: { printID($0, $1, $2) }, close: { closeIDs($0) },
        idregister: { _, _, _ in }))
    let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
    // mem == NULL selects cgraph's default memory discipline (graph.c, agclos).
    discipline.initialize(to: Agdisc_t(mem: nil, id: id, io: io))
    return discipline
  }()

  // MARK: - I/O discipline

  /// Copies the next line (or `size` bytes) into `buffer`, like agmemread's `memiofread`.
  private static func readLine(
    _ channel: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32
  ) -> Int32 {
    guard let channel, let buffer, size > 0 else { return 0 }
    let reader = channel.assumingMemoryBound(to: MemoryReader.self)
    var count = 0
    while reader.pointee.cursor < reader.pointee.bytes.count && count < Int(size) {
      let byte = reader.pointee.bytes[reader.pointee.cursor]
      buffer[count] = CChar(bitPattern: byte)
      count += 1
      reader.pointee.cursor += 1
      if byte == UInt8(ascii: "\n") { break }
    }
    return Int32(count)
  }

  // MARK: - ID discipline

  private static func openIDs(
    _ graph: UnsafeMutablePointer<Agraph_t>?, _ discipline: UnsafeMutablePointer<Agdisc_t>?
  ) -> UnsafeMutableRawPointer? {
    guard let graph else { return nil }
    return Unmanaged.passRetained(IDState(graph: graph)).toOpaque()
  }

  private static func mapID(
    _ state: UnsafeMutableRawPointer?, _ objectType: Int32, _ name: UnsafeMutablePointer<CChar>?,
    _ id: UnsafeMutablePointer<IDTYPE>?, _ create: Int32
  ) -> Int {
    guard let state, let id else { return 0 }
    let ids = Unmanaged<IDState>.fromOpaque(state).takeUnretainedValue()
    guard let name else {
      id.pointee = ids.nextAnonymous
      ids.nextAnonymous += 2
      return 1
    }
    let key = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
    if let existing = ids.ids[key] {
      id.pointee = existing
      return 1
    }
    // Unknown and not to be created: cgraph then looks in its internal map and reports
    // "not found", as with the default discipline.
    guard create != 0, let interned = agstrdup(ids.graph, name) else { return 0 }
    let new = ids.nextNamed
    ids.nextNamed += 2
    ids.ids[key] = new
    ids.names[new] = interned
    id.pointee = new
    return 1
  }

  private static func printID(
    _ state: UnsafeMutableRawPointer?, _ objectType: Int32, _ id: IDTYPE
  ) -> UnsafeMutablePointer<CChar>? {
    guard let state, id % 2 == 0 else { return nil }
    return Unmanaged<IDState>.fromOpaque(state).takeUnretainedValue().names[id]
  }

  private static func closeIDs(_ state: UnsafeMutableRawPointer?) {
    guard let state else { return }
    Unmanaged<IDState>.fromOpaque(state).release()
  }
}
