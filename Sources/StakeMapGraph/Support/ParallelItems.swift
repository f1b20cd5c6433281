import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The default worker-thread count of the analyses: the active processor count.
public let defaultAnalysisThreads = ProcessInfo.processInfo.activeProcessorCount

/// Runs `body(item, worker)` for every `item` in `0..<count` on up to `threads` workers, handing
/// out items in fixed chunks of `chunk` consecutive indices. The caller makes the result
/// independent of the schedule: each item writes only its own output slot, or the workers
/// accumulate integers (exact and order-independent) in per-worker arrays.
/// `worker` is in `0..<min(threads, chunks)`; each worker runs on one thread at a time.
package func parallelItems(
  count: Int, chunk: Int = 8, threads: Int, _ body: @Sendable (_ item: Int, _ worker: Int) -> Void
) {
  guard count > 0 else { return }
  let chunks = (count + chunk - 1) / chunk
  let workers = max(1, min(threads, chunks))
  let counter = ChunkCounter()
  @Sendable func work(_ worker: Int) {
    while true {
      let j = counter.next()
      if j >= chunks { break }
      for item in (j * chunk)..<min(count, (j + 1) * chunk) { body(item, worker) }
    }
  }
  if workers == 1 {
    work(0)
  } else {
    DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
  }
}

/// The number of workers ``parallelItems(count:chunk:threads:_:)`` will use.
package func workerCount(count: Int, chunk: Int = 8, threads: Int) -> Int {
  max(1, min(threads, (count + chunk - 1) / max(chunk, 1)))
}

/// Hands out chunk indices 0, 1, 2, ... to workers (of ``parallelItems``, the package's one
/// parallel loop).
private final class ChunkCounter: Sendable {
  private let value = Atomic<Int>(0)

  func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
