import Foundation

/// Text values that many records repeat, kept once: the journal of a run of articles, a
/// publisher and its place. References read from one input share the storage of equal values
/// of these variables instead of each holding its own copy, which matters when many references
/// are held at once (to be sorted). Only values longer than 15 UTF-8 bytes are shared: a shorter
/// one is stored within the string itself.
///
/// A table is used by one thread at a time, without a lock: the readers that map records on all
/// cores give each thread its own table from a ``Pool`` (one lock taken for every value had the
/// threads waiting for each other). A table holds at most `limit` values and starts again when
/// full, so that reading an input of any size keeps it bounded.
package final class SharedValues: @unchecked Sendable {
  /// Whether the values of `variable` repeat across records: where a work appeared, who
  /// published it and where. (Told by length first: most keys are then compared with one name
  /// or none, where a set would hash every one.)
  package static func repeats(_ variable: String) -> Bool {
    switch variable.utf8.count {
    case 5: return variable == "genre"
    case 6: return variable == "medium" || variable == "source"
    case 7: return variable == "archive"
    case 9: return variable == "publisher"
    case 11: return variable == "event-title" || variable == "event-place"
    case 13: return variable == "archive-place"
    case 15: return variable == "container-title" || variable == "publisher-place"
    case 16: return variable == "collection-title"
    case 19: return variable == "journalAbbreviation"
    case 21: return variable == "container-title-short"
    default: return false
    }
  }

  private let limit: Int
  // Used by one thread at a time (see the type's documentation).
  private var values: Set<String> = []

  package init(limit: Int = 16_384) { self.limit = limit }

  /// The stored value equal to `value` (which is stored when there is none yet).
  package func shared(_ value: String) -> String {
    if values.count >= limit { values.removeAll(keepingCapacity: true) }
    return values.insert(value).memberAfterInsert
  }

  /// `fields` with the long values of the variables that ``repeats(_:)`` replaced by the stored
  /// equal ones.
  package func share(_ fields: inout VariableMap<String>) {
    for index in fields.entries.indices where fields.entries[index].value.utf8.count > 15 {
      guard Self.repeats(fields.entries[index].key) else { continue }
      fields.entries[index].value = shared(fields.entries[index].value)
    }
  }

  /// Tables for the threads that read one input: a thread takes one, uses it alone and puts it
  /// back, and the next thread to take it goes on with the values it holds.
  package final class Pool: Sendable {
    private let idle = IdleValues<SharedValues>()

    package init() {}

    /// A table no other thread is using.
    package func take() -> SharedValues { idle.take() ?? SharedValues() }

    /// Hands back a table taken with ``take()`` once its thread is done with it.
    package func put(_ table: SharedValues) { idle.put(table) }
  }
}
