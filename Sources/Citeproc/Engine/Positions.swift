/// How a document's cite positions are found.
public enum PositionTracking: Sendable, Hashable {
  /// Positions, `near-note` and `first-reference-note-number` are worked out from the order of
  /// the citations and their note numbers (cites may still force a position).
  case automatic
  /// Every citation stands alone: a cite is `first` unless it forces another position, and has
  /// no `first-reference-note-number`.
  case explicitOnly
}

/// Where a cite stands relative to the earlier cites of the same item.
struct CitePlacement: Sendable, Hashable {
  var position = CiteContext.Position.first
  var nearNote = false
  var firstReferenceNoteNumber: Int?
}

/// Works out cite positions for a whole document.
///
/// Citations in the main text (note number 0) and citations in footnotes are two separate
/// sequences: a cite in a footnote is never `ibid` or `subsequent` because of a cite in the main
/// text, nor the other way round. Within a sequence:
///
/// - the first cite of an item is `first`;
/// - a later cite is `ibid` when the cite just before it refers to the same item: the previous cite
///   in the same citation, or the last cite of the previous citation in the same note, or the only
///   cite of the previous note when that note directly precedes this one;
/// - `ibid` becomes `ibid-with-locator` when this cite has a locator that differs from the
///   preceding cite's (or the preceding cite had none), and `subsequent` when the preceding cite
///   had a locator and this one has none;
/// - every other later cite is `subsequent`.
///
/// A non-first cite is `near-note` when it is at most `nearNoteDistance` notes after the previous
/// cite of the item (always, in the main text). `first-reference-note-number` is the note of the
/// item's first cite, given when that note is not the current one. A note number lower than the
/// previous citation's starts the note sequence afresh.
struct PositionTracker {
  /// One cite: the item (any stable identity) and its locator, as the cite gives them.
  struct Cite: Sendable, Hashable {
    var item: Int
    var locator: String?
    var label: String?

    /// The locator with its type, for comparing successive cites; nil when there is no locator.
    var locatorKey: String? {
      guard let locator else { return nil }
      var trimmed = Substring(locator)
      while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
      return trimmed.isEmpty ? nil : String(trimmed) + "\u{0}" + (label ?? "")
    }
  }

  struct Citation: Sendable, Hashable {
    var noteIndex: Int
    var cites: [Cite]
  }

  var nearNoteDistance: Int

  /// The placement of every cite of `citations` (in document order, cites in their final order).
  func placements(_ citations: [Citation]) -> [[CitePlacement]] {
    var result = citations.map { Array(repeating: CitePlacement(), count: $0.cites.count) }
    var citesInNote: [Int: Int] = [:]
    for inText in [true, false] {
      let sequence = citations.indices.filter { (citations[$0].noteIndex == 0) == inText }
      var firstNote: [Int: Int] = [:]
      var lastNote: [Int: Int] = [:]
      for (j, c) in sequence.enumerated() {
        let citation = citations[c]
        let note = citation.noteIndex
        let previous: Citation? = j > 0 ? citations[sequence[j - 1]] : nil
        if let previous, note != 0, previous.noteIndex > note {
          citesInNote = [:]
          firstNote = [:]
          lastNote = [:]
        }
        citesInNote[note, default: 0] += citation.cites.count
        for (k, cite) in citation.cites.enumerated() {
          var placement = CitePlacement()
          if lastNote[cite.item] == nil {
            firstNote[cite.item] = note
            lastNote[cite.item] = note
          } else {
            let preceding = precedingSameItem(citation, k, previous, citesInNote)
            placement.position = Self.position(of: cite, after: preceding)
            if let first = firstNote[cite.item], first != note { placement.firstReferenceNoteNumber = first }
          }
          if note != 0 {
            if placement.position != .first, let last = lastNote[cite.item], note - last <= nearNoteDistance {
              placement.nearNote = true
            }
            lastNote[cite.item] = note
          } else {
            placement.nearNote = placement.position != .first
          }
          result[c][k] = placement
        }
      }
    }
    return result
  }

  /// The cite directly before cite `k` of `citation`, when it refers to the same item.
  private func precedingSameItem(
    _ citation: Citation, _ k: Int, _ previous: Citation?, _ citesInNote: [Int: Int]
  ) -> Cite? {
    let cite = citation.cites[k]
    if k > 0 {
      let before = citation.cites[k - 1]
      return before.item == cite.item ? before : nil
    }
    guard let previous, let last = previous.cites.last else { return nil }
    if previous.noteIndex == citation.noteIndex {
      return last.item == cite.item ? last : nil
    }
    // A citation in an earlier note: only the lone cite of the directly preceding note counts.
    guard let only = previous.cites.first, only.item == cite.item,
      previous.noteIndex >= citation.noteIndex - 1, citesInNote[previous.noteIndex] == 1
    else { return nil }
    return only
  }

  private static func position(of cite: Cite, after preceding: Cite?) -> CiteContext.Position {
    guard let preceding else { return .subsequent }
    switch (preceding.locatorKey, cite.locatorKey) {
    case (nil, nil): return .ibid
    case (nil, .some): return .ibidWithLocator
    case (.some, nil): return .subsequent
    case (.some(let a), .some(let b)): return a == b ? .ibid : .ibidWithLocator
    }
  }
}
