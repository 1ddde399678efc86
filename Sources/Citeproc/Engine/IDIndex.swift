import CiteprocData

/// The index of each reference by id, as an open-addressing table of 32-bit slots over the
/// references themselves: the ids are not copied, and 100,000 references take 1 MB instead of
/// a dictionary's 6. When references share an id, the later one is found.
struct IDIndex: Sendable {
  private let references: [Reference]
  /// Reference index plus one in each slot; 0 for an empty slot.
  private var slots: [UInt32]
  private let mask: Int

  /// Indexes `references`; `shared` is called with each id that an earlier reference has too.
  init(_ references: [Reference], shared: (String) -> Void) {
    self.references = references
    var capacity = 16
    while capacity < references.count * 2 { capacity *= 2 }
    mask = capacity - 1
    slots = Array(repeating: 0, count: capacity)
    for (index, reference) in references.enumerated() {
      let slot = find(reference.id)
      if slots[slot] != 0 { shared(reference.id) }
      slots[slot] = UInt32(truncatingIfNeeded: index + 1)
    }
  }

  /// The slot that holds `id`, or the empty slot where it would go.
  private func find(_ id: String) -> Int {
    var slot = id.hashValue & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 || references[stored - 1].id == id { return slot }
      slot = (slot + 1) & mask
    }
  }

  subscript(id: String) -> Int? {
    let stored = Int(slots[find(id)])
    return stored == 0 ? nil : stored - 1
  }
}
