import Dispatch
import Foundation

/// Work split over the machine's cores, for loops whose iterations are independent.
package enum Parallel {
  /// How many of `count` items a caller hands to ``map(count:minimumChunk:_:)`` at a time when the
  /// results are consumed as they come, in chunks of ``batchChunk``: up to 2,048 items in one
  /// batch; more in batches of 256 to 1,024, a fortieth of the items in between. The rendered
  /// entries of a batch, and what their rendering left in each thread's heap, are held until the
  /// batch is written: batches of 1,024 entries took 2.4 MB more at the peak of a 10k harvard
  /// bibliography than batches of 256 (2.7 MB for apa), a quarter of what the references
  /// themselves take; at 100k larger batches cost little per item, and the cores wait for each
  /// other at the end of a batch a quarter as often. A streamed bibliography renders a thousand
  /// records or so at a time (half a megabyte of RIS), in one batch: in four, its cores waited for
  /// each other often enough to lose a tenth of its time.
  package static func batchSize(for count: Int) -> Int {
    count <= 2048 ? max(count, 1) : min(1024, max(256, count / 40))
  }

  /// The smallest chunk of a batch: a batch in chunks of 16 gives each core many chunks, so that
  /// the cores finish a batch within a few items of each other.
  package static let batchChunk = 16

  /// `transform` of `0..<count`, in order. Runs in contiguous chunks on up to the number of active
  /// cores; a small count (under two chunks of `minimumChunk`) stays on the calling thread. The
  /// result is the same as `(0..<count).map(transform)`.
  ///
  /// There are several chunks for each core, handed out as the cores become free, so that a core
  /// that is slowed down (by other work on the machine, or by heavier items) does not keep the
  /// others waiting.
  package static func map<T: Sendable>(
    count: Int, minimumChunk: Int = 64, _ transform: @Sendable (Int) -> T
  ) -> [T] {
    map(count: count, minimumChunk: minimumChunk, state: (), perWorker: { $0 }) { _, index in
      transform(index)
    }
  }

  /// ``map(count:minimumChunk:_:)`` where each thread works with its own `State`: the calling
  /// thread with `state`, and each worker with one `copy(state)` for all the chunks it takes.
  /// Values that every item reads and that reference-counted storage holds (a compiled style)
  /// are worth a copy for each core: counting references on one shared copy from several cores
  /// makes them wait for each other's caches. Each copy is handed to `finished` at the end (to be
  /// kept for the next call).
  package static func map<State: Sendable, T: Sendable>(
    count: Int, minimumChunk: Int = 64, state: State, perWorker copy: @Sendable (State) -> State,
    finished: (State) -> Void = { _ in }, _ transform: @Sendable (State, Int) -> T
  ) -> [T] {
    let minimumChunk = max(minimumChunk, 1)
    guard count / minimumChunk > 1 else { return (0..<count).map { transform(state, $0) } }
    let workers = min(System.activeProcessorCount, count / minimumChunk)
    guard workers > 1 else { return (0..<count).map { transform(state, $0) } }
    let chunks = min(count / minimumChunk, workers * chunksPerWorker)
    let slots = Slots<[T]>(count: chunks)
    defer { slots.release() }
    let copies = IdleValues<State>()
    let chunk = (count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      let range = min(count, index * chunk)..<min(count, (index + 1) * chunk)
      // At most one chunk a thread runs at a time, so there are at most as many copies as threads.
      let state = copies.take() ?? copy(state)
      slots.set(index, range.map { transform(state, $0) })
      copies.put(state)
    }
    for copy in copies.drain() { finished(copy) }
    var result: [T] = []
    result.reserveCapacity(count)
    for index in 0..<chunks { result.append(contentsOf: slots.take(index)) }
    return result
  }

  /// How many threads work at once at most: the number of active cores.
  package static var workerLimit: Int { System.activeProcessorCount }

  /// How many chunks each core gets at most (see ``map(count:minimumChunk:_:)``).
  static let chunksPerWorker = 16

  /// One slot per chunk; each chunk's worker writes only its own slot, and the slots are read after
  /// all workers have finished.
  private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    func take(_ index: Int) -> Value {
      guard let value = storage[index] else { preconditionFailure("worker \(index) left no result") }
      storage[index] = nil
      return value
    }

    func release() {
      _ = storage.deinitialize()
      storage.deallocate()
    }
  }
}

/// Values that no thread is using at the moment, for threads to take and hand back (the per-thread
/// values of ``Parallel/map(count:minimumChunk:state:perWorker:finished:_:)``, a processor's copies
/// of its style); no more than `limit` are kept.
package final class IdleValues<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private let limit: Int
  // Guarded by `lock`.
  private var idle: [Value] = []

  package init(limit: Int = .max) { self.limit = limit }

  package func take() -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return idle.popLast()
  }

  /// Keeps `value` for a later ``take()``, unless `limit` values are kept already.
  package func put(_ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    if idle.count < limit { idle.append(value) }
  }

  /// Takes every value kept.
  package func drain() -> [Value] {
    lock.lock()
    defer { lock.unlock() }
    defer { idle = [] }
    return idle
  }
}

/// Empties `value` and frees its old contents on a thread of the system's pool, so that a thread
/// with more work to hand out does not spend its time freeing a large structure.
package func releaseElsewhere<T: Sendable>(_ value: inout [T]) {
  guard !value.isEmpty else { return }
  var taken: [T] = []
  swap(&taken, &value)
  // Once this thread lets go of `taken`, the box holds the only reference, and the other thread
  // drains it: the contents are freed there whichever thread lets go of the box last.
  let box = IdleValues<[T]>()
  box.put(taken)
  DispatchQueue.global().async { _ = box.drain() }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private enum System {
  /// Read once: glibc reads a file under /sys at each `sysconf` call for it, and disambiguation
  /// maps small lists thousands of times.
  static let activeProcessorCount: Int = {
    #if canImport(Glibc) || canImport(Darwin)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 1
    #endif
  }()
}
