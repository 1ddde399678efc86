import Foundation

/// Text values that many records repeat, kept once: the journal of a run of articles, a
/// publisher and its place. References read from one input share the storage of equal values
/// of these variables instead of each holding its own copy, which matters when many references
/// are held at once (to be sorted). Only values longer than 15 UTF-8 bytes are shared: a shorter
/// one is stored within the string itself.
///
/// The table is used from the threads that map records at once. It holds at most `limit` values,
/// and starts again when full, so that reading an input of any size keeps it bounded.
package final class SharedValues: @unchecked Sendable {
  /// The variables whose values repeat across records: where a work appeared, who published
  /// it and where.
  package static let variables: Set<String> = [
    "container-title", "container-title-short", "journalAbbreviation", "collection-title", "publisher",
    "publisher-place", "event-title", "event-place", "archive", "archive-place", "medium", "genre", "source",
  ]

  private let lock = NSLock()
  private let limit: Int
  // Guarded by `lock`.
  private var values: Set<String> = []

  package init(limit: Int = 16_384) { self.limit = limit }

  /// The stored value equal to `value` (which is stored when there is none yet).
  package func shared(_ value: String) -> String {
    lock.lock()
    defer { lock.unlock() }
    if values.count >= limit { values.removeAll(keepingCapacity: true) }
    return values.insert(value).memberAfterInsert
  }

  /// `fields` with the long values of ``variables`` replaced by the stored equal ones.
  package func share(_ fields: inout VariableMap<String>) {
    fields.modifyValues { key, value in
      guard value.utf8.count > 15, Self.variables.contains(key) else { return }
      value = shared(value)
    }
  }
}

extension VariableMap {
  /// Calls `body` on each pair, which may change the value in place.
  package mutating func modifyValues(_ body: (String, inout Value) -> Void) {
    for index in entries.indices { body(entries[index].key, &entries[index].value) }
  }
}
