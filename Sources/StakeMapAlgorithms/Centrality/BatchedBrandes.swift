import StakeMapGraph
import Synchronization

/// Unweighted betweenness from Brandes' algorithm run for 32 sources at once: one
/// level-synchronous breadth-first search whose frontier carries a 32-bit mask per node (the
/// sources for which the node is on the current level), with path counts σ and dependency
/// coefficients kept per node in 32 lanes side by side.
///
/// Brandes' algorithm (U. Brandes, J. Math. Sociol. 25(2):163–177, 2001) with the
/// multi-source traversal of M. Then et al., "The more the merrier: efficient multi-source
/// graph traversal", PVLDB 8(4), 2014, applied to both of its passes:
/// - forward, level by level: every node x on the frontier pushes, for the sources in its
///   mask that have not reached neighbour y yet, σ_i(x) into σ_i(y); the node/mask pairs of
///   each level are kept in order;
/// - backward, from the deepest level: node y on level L for the sources F gathers, over its
///   neighbours w on level L+1 for sources in F, c_i(w) = (1 + δ_i(w))/σ_i(w); then
///   δ_i(y) = σ_i(y)·Σ c_i(w) (the "pull" form of Brandes' backward pass).
/// A tie is read once per level for all 32 sources instead of once per source, and the lanes
/// of one node share cache lines.
///
/// ## Determinism
/// Batches of 32 consecutive sources are the chunks of ``ShortestPathSweep``: each adds into
/// its own partial array, reduced in batch order; inside a batch every sum runs in a fixed
/// order (frontier order, neighbour order, lanes ascending). Bit-identical for any thread
/// count; equal to the single-source kernel within rounding (the sums are grouped differently).
///
/// ## Memory
/// Per worker: σ and c, 2·32 doubles per node (512·n bytes: 51 MB at 100,000 nodes), three
/// masks per node (12·n) and the level lists (8 bytes per node and level it is reached on).
///
/// - Complexity: O(n·m) like Brandes', with ties scanned O(n/32 · D) times, D the depth.
enum BatchedBrandes {
  static let lanes = 32

  /// Raw Brandes sums over ordered pairs (unnormalised), or nil when `options.shouldStop`
  /// stopped the run (asked before every batch).
  ///
  /// With `reach` (``LeafFolding``: one weight per node) source s counts reach[s] times and
  /// target w reach[w] times: lane i's dependencies are δ_i(y) = σ_i(y)·Σ c_i(w) with
  /// c_i(w) = (reach[w] + δ_i(w))/σ_i(w), and y's sum gets Σ_i reach[s_i]·δ_i(y).
  static func run(_ g: Graph, options: CentralityOptions, reach: [Double]? = nil) -> [Double]? {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    precondition(reach == nil || reach!.count == n)
    let folded = reach != nil
    let reach = reach ?? []
    let batches = (n + lanes - 1) / lanes
    let perRound = min(batches, ShortestPathSweep.chunksPerRound(nodeCount: n))
    let threads = max(1, min(options.threads, perRound))
    let workspaces = (0..<threads).map { _ in BatchWorkspace(nodeCount: n) }
    let reporter = options.progress.map { ProgressReporter(total: n, callback: $0) }
    let totals = Buffer<Double>(count: n)
    // Zero once; after each round only what a batch touched is added and cleared again, so a
    // graph of many small components (the blocks of ``BlockSplitting`` side by side) costs
    // the batches' own work, not n per batch.
    let partials = Buffer<Double>(count: perRound * n)
    let touched = Buffer<Int>(count: 2 * perRound)
    var stopped = false
    let stop = MultiSourceCloseness.StopFlag()
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        reach.withUnsafeBufferPointer { reach in
          let csr = CSRView(
            offsets: offsets, neighbors: neighbors,
            lengths: UnsafeBufferPointer(start: nil, count: 0),
            reach: reach)
          var first = 0
          while first < batches {
            let base = first
            let count = min(perRound, batches - base)
            parallelItems(count: count, chunk: 1, threads: threads) { j, t in
              if stop.stopped { return }
              if options.shouldStop?() == true {
                stop.set()
                return
              }
              let lo = (base + j) * lanes
              let hi = min(n, lo + lanes)
              let partial = partials.memory.extracting((j * n)..<((j + 1) * n))
              // `folded` is a constant in each call: the inlined kernel has no reach branches.
              let range =
                folded
                ? batch(csr, workspaces[t], sources: lo..<hi, partial, folded: true)
                : batch(csr, workspaces[t], sources: lo..<hi, partial, folded: false)
              touched.memory[2 * j] = range.lowerBound
              touched.memory[2 * j + 1] = range.upperBound
              reporter?.advance(by: hi - lo)
            }
            if stop.stopped {
              stopped = true
              break
            }
            ShortestPathSweep.addPartials(count, partials, touched, nodeCount: n, into: totals)
            first += count
          }
        }
      }
    }
    return stopped ? nil : Array(totals.memory)
  }

  /// Brandes for the sources `sources` (at most 32, consecutive), adding every node's
  /// dependency sum to `partial`; with `folded`, weighted by `g.reach` (see
  /// ``run(_:options:reach:)``; unfolded it is empty and unread). Returns the range of nodes
  /// the batch reached: `partial` is unchanged outside it.
  @inline(__always)
  static func batch(
    _ g: CSRView, _ ws: BatchWorkspace, sources: Range<Int>,
    _ partial: UnsafeMutableBufferPointer<Double>, folded: Bool
  ) -> Range<Int> {
    let reach = g.reach
    let offsets = g.offsets
    let neighbors = g.neighbors
    let visited = ws.visited
    let next = ws.next
    let sigma = ws.sigma
    let coefficient = ws.coefficient
    let levelMask = ws.levelMask
    let sums = ws.sums
    let nodes = ws.nodes
    let masks = ws.masks
    let levelStart = ws.levelStart
    let laneWeight = ws.laneWeight
    var count = 0
    for (i, s) in sources.enumerated() {
      if folded { laneWeight[i] = reach[s] }
      let bit = UInt32(1) << UInt32(i)
      visited[s] = bit
      sigma[s &* 32 &+ i] = 1
      nodes[count] = Int32(truncatingIfNeeded: s)
      masks[count] = bit
      count &+= 1
    }
    var levels = 1
    levelStart[0] = 0
    levelStart[1] = count
    // Forward: level by level, frontier = the entries of the last level.
    while true {
      let lo = levelStart[levels &- 1]
      let hi = levelStart[levels]
      let fresh = count
      var k = lo
      while k < hi {
        let x = Int(nodes[k])
        let fx = masks[k]
        k &+= 1
        let xBase = x &* 32
        var e = Int(offsets[x])
        let end = Int(offsets[x &+ 1])
        while e < end {
          let y32 = neighbors[e]
          let y = Int(y32)
          e &+= 1
          let m = fx & ~visited[y]
          if m == 0 { continue }
          if next[y] == 0 {
            nodes[count] = y32
            count &+= 1
          }
          next[y] |= m
          let yBase = y &* 32
          var bits = m
          while bits != 0 {
            let i = bits.trailingZeroBitCount
            sigma[yBase &+ i] += sigma[xBase &+ i]
            bits &= bits &- 1
          }
        }
      }
      if count == fresh { break }
      for k in fresh..<count {
        let y = Int(nodes[k])
        let f = next[y]
        masks[k] = f
        visited[y] |= f
        next[y] = 0
      }
      levels &+= 1
      levelStart[levels] = count
    }
    // Backward: from the deepest level up to level 1; levelMask holds level L+1's masks.
    var level = levels &- 1
    while level >= 1 {
      let lo = levelStart[level]
      let hi = levelStart[level &+ 1]
      var k = lo
      while k < hi {
        let y = Int(nodes[k])
        let f = masks[k]
        k &+= 1
        let yBase = y &* 32
        var bits = f
        while bits != 0 {
          sums[bits.trailingZeroBitCount] = 0
          bits &= bits &- 1
        }
        if level &+ 1 < levels {
          var e = Int(offsets[y])
          let end = Int(offsets[y &+ 1])
          while e < end {
            let w = Int(neighbors[e])
            e &+= 1
            var m = f & levelMask[w]
            if m == 0 { continue }
            let wBase = w &* 32
            while m != 0 {
              let i = m.trailingZeroBitCount
              sums[i] += coefficient[wBase &+ i]
              m &= m &- 1
            }
          }
        }
        var total = 0.0
        let targetWeight = folded ? reach[y] : 1
        bits = f
        while bits != 0 {
          let i = bits.trailingZeroBitCount
          bits &= bits &- 1
          let sv = sigma[yBase &+ i]
          let dv = sv * sums[i]
          if folded {
            total += laneWeight[i] * dv
          } else {
            total += dv
          }
          coefficient[yBase &+ i] = (targetWeight + dv) / sv
        }
        partial[y] += total
      }
      // Level L+1's masks are done with; level L's are the successors of level L−1.
      if level &+ 1 < levels {
        for k in levelStart[level &+ 1]..<levelStart[level &+ 2] { levelMask[Int(nodes[k])] = 0 }
      }
      for k in lo..<hi { levelMask[Int(nodes[k])] = masks[k] }
      level &-= 1
    }
    // Reset what this batch touched.
    if levels > 1 {
      for k in levelStart[1]..<levelStart[2] { levelMask[Int(nodes[k])] = 0 }
    }
    var lowest = Int.max
    var highest = -1
    for k in 0..<count {
      let y = Int(nodes[k])
      lowest = min(lowest, y)
      highest = max(highest, y)
      visited[y] = 0
      let yBase = y &* 32
      var bits = masks[k]
      while bits != 0 {
        let i = bits.trailingZeroBitCount
        sigma[yBase &+ i] = 0
        coefficient[yBase &+ i] = 0
        bits &= bits &- 1
      }
    }
    return highest < 0 ? 0..<0 : lowest..<(highest + 1)
  }

  /// One worker's scratch, zero between batches.
  final class BatchWorkspace: @unchecked Sendable {
    // Unchecked: one worker at a time (see `run`).
    let visited: UnsafeMutableBufferPointer<UInt32>
    let next: UnsafeMutableBufferPointer<UInt32>
    let levelMask: UnsafeMutableBufferPointer<UInt32>
    let sigma: UnsafeMutableBufferPointer<Double>
    let coefficient: UnsafeMutableBufferPointer<Double>
    let sums: UnsafeMutableBufferPointer<Double>
    /// Reach of each lane's source (``LeafFolding``); unused unfolded.
    let laneWeight: UnsafeMutableBufferPointer<Double>
    /// The (node, mask) entries of every level, in order; a node appears once per level.
    let nodes: UnsafeMutableBufferPointer<Int32>
    let masks: UnsafeMutableBufferPointer<UInt32>
    /// levelStart[L] ..< levelStart[L+1]: the entries of level L (at most n + 1 levels).
    let levelStart: UnsafeMutableBufferPointer<Int>

    init(nodeCount n: Int) {
      visited = allocateBuffer(n, 0)
      next = allocateBuffer(n, 0)
      levelMask = allocateBuffer(n, 0)
      sigma = allocateBuffer(n * 32, 0.0)
      coefficient = allocateBuffer(n * 32, 0.0)
      sums = allocateBuffer(32, 0.0)
      laneWeight = allocateBuffer(32, 0.0)
      // A node is on at most 32 levels of one batch (one per source).
      nodes = allocateBuffer(n * 32, 0)
      masks = allocateBuffer(n * 32, 0)
      levelStart = allocateBuffer(n + 2, 0)
    }

    deinit {
      visited.deallocate()
      next.deallocate()
      levelMask.deallocate()
      sigma.deallocate()
      coefficient.deallocate()
      sums.deallocate()
      laneWeight.deallocate()
      nodes.deallocate()
      masks.deallocate()
      levelStart.deallocate()
    }
  }
}
