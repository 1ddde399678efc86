import Dispatch

/// Work split over the machine's cores, for loops whose iterations are independent.
package enum Parallel {
  /// How many items a caller hands to ``map(count:minimumChunk:_:)`` at a time when the results are
  /// consumed as they come: large enough to keep the cores busy, small enough to keep memory flat.
  package static let batchSize = 4096

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
    let minimumChunk = max(minimumChunk, 1)
    let workers = min(System.activeProcessorCount, count / minimumChunk)
    guard workers > 1 else { return (0..<count).map(transform) }
    let chunks = min(count / minimumChunk, workers * chunksPerWorker)
    let slots = Slots<[T]>(count: chunks)
    defer { slots.release() }
    let chunk = (count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      let range = min(count, index * chunk)..<min(count, (index + 1) * chunk)
      slots.set(index, range.map(transform))
    }
    var result: [T] = []
    result.reserveCapacity(count)
    for index in 0..<chunks { result.append(contentsOf: slots.take(index)) }
    return result
  }

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

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private enum System {
  static var activeProcessorCount: Int {
    #if canImport(Glibc) || canImport(Darwin)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 1
    #endif
  }
}
