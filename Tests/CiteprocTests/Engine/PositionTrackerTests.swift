import Testing

@testable import Citeproc

/// Cite positions worked out by hand from the specification's rules for `position` and
/// `first-reference-note-number`.
struct PositionTrackerTests {
  typealias Cite = PositionTracker.Cite
  typealias Citation = PositionTracker.Citation

  let tracker = PositionTracker(nearNoteDistance: 5)

  func positions(_ citations: [Citation]) -> [[CiteContext.Position]] {
    tracker.placements(citations).map { $0.map(\.position) }
  }

  @Test func firstThenIbidInFollowingNote() {
    let result = tracker.placements([
      Citation(noteIndex: 1, cites: [Cite(item: 1)]),
      Citation(noteIndex: 2, cites: [Cite(item: 1)]),
    ])
    #expect(result[0][0].position == .first)
    #expect(result[0][0].firstReferenceNoteNumber == nil)
    #expect(result[1][0].position == .ibid)
    #expect(result[1][0].firstReferenceNoteNumber == 1)
    #expect(result[1][0].nearNote)
  }

  @Test func ibidNeedsTheLoneCiteOfTheDirectlyPrecedingNote() {
    // Note 1 holds two cites, so note 2 cannot be ibid; note 4 is not next to note 2.
    #expect(
      positions([
        Citation(noteIndex: 1, cites: [Cite(item: 1), Cite(item: 2)]),
        Citation(noteIndex: 2, cites: [Cite(item: 2)]),
        Citation(noteIndex: 4, cites: [Cite(item: 2)]),
      ]) == [[.first, .first], [.subsequent], [.subsequent]])
  }

  @Test func ibidWithinOneCitationAndAcrossCitationsOfOneNote() {
    #expect(
      positions([
        Citation(noteIndex: 1, cites: [Cite(item: 1), Cite(item: 1)]),
        Citation(noteIndex: 1, cites: [Cite(item: 2), Cite(item: 1)]),
        Citation(noteIndex: 1, cites: [Cite(item: 1)]),
      ]) == [[.first, .ibid], [.first, .subsequent], [.ibid]])
  }

  @Test func locatorsDecideBetweenIbidVariants() {
    let page = { (value: String?) in Cite(item: 1, locator: value, label: "page") }
    #expect(
      positions([
        Citation(noteIndex: 1, cites: [page(nil)]),
        Citation(noteIndex: 2, cites: [page("12")]),
        Citation(noteIndex: 3, cites: [page("12")]),
        Citation(noteIndex: 4, cites: [page("13")]),
        Citation(noteIndex: 5, cites: [page(nil)]),
        Citation(noteIndex: 6, cites: [page(nil)]),
      ]) == [[.first], [.ibidWithLocator], [.ibid], [.ibidWithLocator], [.subsequent], [.ibid]])
  }

  @Test func locatorTypeCounts() {
    #expect(
      positions([
        Citation(noteIndex: 1, cites: [Cite(item: 1, locator: "3", label: "page")]),
        Citation(noteIndex: 2, cites: [Cite(item: 1, locator: "3", label: "chapter")]),
      ]) == [[.first], [.ibidWithLocator]])
  }

  @Test func mainTextAndFootnotesAreSeparateSequences() {
    let result = tracker.placements([
      Citation(noteIndex: 0, cites: [Cite(item: 1)]),
      Citation(noteIndex: 1, cites: [Cite(item: 2)]),
      Citation(noteIndex: 0, cites: [Cite(item: 1)]),
      Citation(noteIndex: 2, cites: [Cite(item: 1)]),
    ])
    #expect(result.map { $0.map(\.position) } == [[.first], [.first], [.ibid], [.first]])
    // In the main text every later cite counts as near.
    #expect(result[2][0].nearNote)
  }

  @Test func nearNoteDistance() {
    let result = PositionTracker(nearNoteDistance: 2).placements([
      Citation(noteIndex: 1, cites: [Cite(item: 1)]),
      Citation(noteIndex: 2, cites: [Cite(item: 2)]),
      Citation(noteIndex: 3, cites: [Cite(item: 1)]),
      Citation(noteIndex: 6, cites: [Cite(item: 1, locator: "1")]),
    ])
    #expect(result[2][0].position == .subsequent)
    #expect(result[2][0].nearNote)
    #expect(result[3][0].nearNote == false)
    #expect(result[3][0].firstReferenceNoteNumber == 1)
  }

  @Test func noNoteNumberForACiteInTheNoteOfTheFirstReference() {
    let result = tracker.placements([
      Citation(noteIndex: 3, cites: [Cite(item: 1), Cite(item: 2), Cite(item: 1)])
    ])
    #expect(result[0][2].position == .subsequent)
    #expect(result[0][2].firstReferenceNoteNumber == nil)
  }

  @Test func lowerNoteNumberStartsAfresh() {
    #expect(
      positions([
        Citation(noteIndex: 4, cites: [Cite(item: 1)]),
        Citation(noteIndex: 1, cites: [Cite(item: 1)]),
      ]) == [[.first], [.first]])
  }
}
