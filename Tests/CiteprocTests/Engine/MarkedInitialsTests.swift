import Testing

@testable import Citeproc

/// Initials of given names with markup; expectations worked out by hand.
struct MarkedInitialsTests {
  func initials(_ given: String, _ separator: String = ". ", hyphen: Bool = true) -> String? {
    Initials.makeMarked(given, with: separator, initialize: true, hyphen: hyphen)
  }

  @Test func tagsStayAroundTheirInitials() {
    #expect(initials("<b>John</b> Quiggly") == "<b>J.</b> Q.")
    #expect(initials("<b>J</b> Q") == "<b>J.</b> Q.")
    #expect(initials("John <i>Quiggly</i>") == "J. <i>Q.</i>")
    #expect(initials("<b>John Quiggly</b>") == "<b>J. Q.</b>")
  }

  @Test func hyphensAndSeparators() {
    #expect(initials("<b>John</b>-Quiggly") == "<b>J.</b>-Q.")
    #expect(initials("<b>John</b>-Quiggly", hyphen: false) == "<b>J.</b> Q.")
    #expect(initials("<b>John</b> Quiggly", "") == "<b>J</b>Q")
  }

  @Test func textWithoutTagsIsLeftToThePlainCode() {
    #expect(initials("John Quiggly") == nil)
    #expect(initials("John < Quiggly") == nil)
  }

  @Test func namePartsWithMarkupAreRichText() {
    #expect(Evaluator.partNode("<b>Doe</b>") == RichText.parse("<b>Doe</b>"))
    #expect(Evaluator.partNode("<b>Doe</b>") != .text("<b>Doe</b>"))
    #expect(Evaluator.partNode("Doe") == .text("Doe"))
  }
}

/// Spaces at the edges of a marked given name.
struct MarkedInitialsEdgeTests {
  @Test func noJoinerBeforeTheFirstOrAfterTheLastInitials() {
    #expect(Initials.makeMarked("<b>John </b>", with: ". ", initialize: true, hyphen: true) == "<b>J.</b>")
    #expect(Initials.makeMarked(" <b>John</b>", with: ". ", initialize: true, hyphen: true) == "<b>J.</b>")
    #expect(
      Initials.makeMarked("<b>Jöhn </b><i> Quiggly</i>", with: ". ", initialize: true, hyphen: true)
        == "<b>J. </b><i>Q.</i>")
  }
}
