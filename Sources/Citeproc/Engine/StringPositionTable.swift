import CiteprocData

/// An open-addressing table of positions into a list of strings that the table does not copy:
/// 32 bits a slot, so that 100,000 strings take 1 MB instead of a dictionary's copies of them.
struct StringPositionTable: Sendable {
  /// A position plus one in each slot; 0 for an empty slot.
  private var slots: [UInt32]
  private let mask: Int

  /// A table with room for `count` strings.
  init(capacityFor count: Int) {
    var capacity = 16
    while capacity < count * 2 { capacity *= 2 }
    mask = capacity - 1
    slots = Array(repeating: 0, count: capacity)
  }

  /// The slot that holds the position of a string equal to `key`, or the empty slot where one
  /// would go; `string(p)` is the string at position `p`.
  func slot(for key: String, _ string: (Int) -> String) -> Int {
    var slot = key.hashValue & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 || string(stored - 1) == key { return slot }
      slot = (slot + 1) & mask
    }
  }

  /// The position held in `slot`, or nil when it is empty.
  func position(in slot: Int) -> Int? {
    let stored = Int(slots[slot])
    return stored == 0 ? nil : stored - 1
  }

  mutating func store(_ position: Int, in slot: Int) {
    slots[slot] = UInt32(truncatingIfNeeded: position + 1)
  }
}

/// The index of each reference by id, in a ``StringPositionTable`` over the references' ids.
/// When references share an id, the later one is found.
struct IDIndex: Sendable {
  private let references: [Reference]
  private var table: StringPositionTable

  /// Indexes `references`; `shared` is called with each id that an earlier reference has too.
  init(_ references: [Reference], shared: (String) -> Void) {
    self.references = references
    table = StringPositionTable(capacityFor: references.count)
    for (index, reference) in references.enumerated() {
      let slot = table.slot(for: reference.id) { references[$0].id }
      if table.position(in: slot) != nil { shared(reference.id) }
      table.store(index, in: slot)
    }
  }

  subscript(id: String) -> Int? {
    table.position(in: table.slot(for: id) { references[$0].id })
  }
}
