import Foundation

/// Values passed from one thread to another in order, at most `capacity` waiting at a time: the
/// producer blocks while the consumer is that far behind, so memory stays bounded. The producer
/// ends with ``finish(_:)``, which hands over a final result.
package final class Handoff<Value: Sendable, Result: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  // Guarded by `condition`.
  private var waiting: [Value] = []
  private var result: Result?

  package init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// Adds `value`, waiting while `capacity` values are already waiting.
  package func put(_ value: Value) {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity { condition.wait() }
    waiting.append(value)
    condition.broadcast()
  }

  /// Ends the values with the producer's `result`.
  package func finish(_ result: Result) {
    condition.lock()
    defer { condition.unlock() }
    self.result = result
    condition.broadcast()
  }

  /// The next value, or the final result once every value has been taken.
  package func take() -> Taken {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty && result == nil { condition.wait() }
    if !waiting.isEmpty {
      let value = waiting.removeFirst()
      condition.broadcast()
      return .value(value)
    }
    guard let result else { preconditionFailure("woken with neither a value nor a result") }
    return .finished(result)
  }

  package enum Taken {
    case value(Value)
    case finished(Result)
  }
}
