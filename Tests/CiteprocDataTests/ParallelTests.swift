import CiteprocData
import Foundation
import Testing

/// The handoff between a reading thread and the thread that uses what it reads.
struct HandoffTests {
  /// A counter both threads can read and change.
  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }

  @Test(arguments: [1, 3])
  func valuesArriveInOrderAndNeverPileUpTest(capacity: Int) {
    let handoff = Handoff<Int, String>(capacity: capacity)
    let delivered = Counter()
    let producer = Thread {
      for value in 0..<2_000 {
        handoff.put(value)
        delivered.increment()
      }
      handoff.finish("done")
    }
    producer.start()
    var taken: [Int] = []
    var result: String?
    var mostAhead = 0
    while result == nil {
      switch handoff.take() {
      case .value(let value):
        taken.append(value)
        // Values put but not yet taken never exceed the capacity.
        mostAhead = max(mostAhead, delivered.value - taken.count)
        if taken.count % 100 == 0 && taken.count < 2_000 {
          // Give the producer time to run ahead (up to 200 ms: on a loaded machine it may not be
          // scheduled within a fixed short pause).
          for _ in 0..<1_000 where delivered.value == taken.count { usleep(200) }
          mostAhead = max(mostAhead, delivered.value - taken.count)
        }
      case .finished(let final): result = final
      }
    }
    #expect(taken == Array(0..<2_000))
    #expect(result == "done")
    #expect(mostAhead <= capacity)
    // The producer did run ahead (the check above is not trivially true).
    #expect(mostAhead >= 1)
  }

  @Test func aProducerWithNothingToSayFinishesTest() {
    let handoff = Handoff<Int, Int>(capacity: 1)
    let producer = Thread { handoff.finish(7) }
    producer.start()
    guard case .finished(let result) = handoff.take() else {
      Issue.record("expected the final result")
      return
    }
    #expect(result == 7)
  }
}

/// Work split over the cores gives what the same loop gives on one thread.
struct ParallelMapTests {
  @Test(arguments: [0, 1, 63, 64, 127, 128, 1_000, 4_097])
  func mapKeepsOrderTest(count: Int) {
    let result = Parallel.map(count: count) { $0 * $0 }
    #expect(result == (0..<count).map { $0 * $0 })
  }

  @Test func everySmallChunkIsUsedTest() {
    let result = Parallel.map(count: 10, minimumChunk: 1) { "item \($0)" }
    #expect(result == (0..<10).map { "item \($0)" })
  }

  /// Each worker thread gets one copy of the state for all the chunks it takes; the calling
  /// thread alone uses the state itself.
  @Test(arguments: [100, 4_096])
  func eachWorkerHasItsOwnCopyTest(count: Int) {
    let copies = Copies()
    let result = Parallel.map(count: count, state: 0, perWorker: { _ in copies.make() }) { state, index in
      (index, state)
    }
    #expect(result.map(\.0) == Array(0..<count))
    let used = Set(result.map(\.1))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    if count < 128 || cores == 1 {
      // Too few items for two chunks of 64: one thread, no copy.
      #expect(used == [0])
      #expect(copies.count == 0)
    } else {
      // Every item was worked on with a copy, at most one per core.
      #expect(!used.contains(0))
      #expect(copies.count >= 1 && copies.count <= cores)
      #expect(used == Set(1...copies.count))
    }
  }

  /// Every copy made for a worker is handed to `finished` once, after the work (so that the caller
  /// can keep it for the next call); the state itself is not.
  @Test(arguments: [100, 4_096])
  func eachCopyIsHandedBackOnce(count: Int) {
    let copies = Copies()
    var finished: [Int] = []
    let result = Parallel.map(
      count: count, state: 0, perWorker: { _ in copies.make() }, finished: { finished.append($0) }
    ) { state, index in index * 2 + state * 0 }
    #expect(result == (0..<count).map { $0 * 2 })
    #expect(finished.sorted() == Array(1..<(copies.count + 1)))
    if count >= 128 && ProcessInfo.processInfo.activeProcessorCount > 1 { #expect(!finished.isEmpty) }
  }

  /// Numbers the copies as they are made.
  private final class Copies: @unchecked Sendable {
    private let lock = NSLock()
    private var made = 0
    func make() -> Int {
      lock.withLock {
        made += 1; return made
      }
    }
    var count: Int { lock.withLock { made } }
  }
}

/// Large structures that a busy thread is done with are freed on another thread.
struct ReleaseElsewhereTests {
  /// Counts the frees, and those made on the thread that let the structure go.
  private final class Frees: @unchecked Sendable {
    private let lock = NSLock()
    private var all = 0
    private var onCaller = 0
    private var caller: pthread_t?
    let done = DispatchSemaphore(value: 0)

    func setCaller() { lock.withLock { caller = pthread_self() } }

    func noteFree() {
      lock.withLock {
        all += 1
        if let caller, pthread_equal(caller, pthread_self()) != 0 { onCaller += 1 }
      }
      done.signal()
    }

    var counts: (all: Int, onCaller: Int) { lock.withLock { (all, onCaller) } }
  }

  private final class Tracked: Sendable {
    let frees: Frees
    init(_ frees: Frees) { self.frees = frees }
    deinit { frees.noteFree() }
  }

  @Test func theContentsAreFreedOnAnotherThread() {
    let frees = Frees()
    frees.setCaller()
    var values = (0..<100).map { _ in Tracked(frees) }
    releaseElsewhere(&values)
    #expect(values.isEmpty)
    for _ in 0..<100 { _ = frees.done.wait(timeout: .now() + 30) }
    let counts = frees.counts
    #expect(counts.all == 100)
    #expect(counts.onCaller == 0)
  }
}

/// Batches of rendered entries: a short bibliography (a streamed batch of records) in one batch;
/// a long one in batches small where they would raise its peak, larger where it is longer still.
struct BatchSizeTests {
  @Test func oneBatchUpTo2048ThenAFortiethBetween256And1024() {
    #expect(Parallel.batchSize(for: 0) == 1)
    #expect(Parallel.batchSize(for: 1_110) == 1_110)
    #expect(Parallel.batchSize(for: 2_048) == 2_048)
    #expect(Parallel.batchSize(for: 2_049) == 256)
    #expect(Parallel.batchSize(for: 10_000) == 256)
    #expect(Parallel.batchSize(for: 20_000) == 500)
    #expect(Parallel.batchSize(for: 40_960) == 1024)
    #expect(Parallel.batchSize(for: 100_000) == 1024)
  }
}
