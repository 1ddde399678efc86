import Testing

@testable import Citeproc

/// Spaces at an entry's edges move out of display blocks; expectations worked out by hand.
struct DisplayEdgeSpacesTests {
  let margin = Display.leftMargin
  let inline = Display.rightInline

  @Test func leadingSpacesOfTheFirstBlockMoveBeforeIt() {
    let entry = Rendered.sequence([
      .text(""), .display(margin, .sequence([.text("  N.d.")])), .display(inline, .text("Title")),
    ])
    let moved = entry.movingEdgeSpacesOutOfDisplays()
    #expect(
      moved
        == .sequence([
          .text(""), .sequence([.text("  "), .display(margin, .sequence([.text("N.d.")]))]),
          .display(inline, .text("Title")),
        ]))
    #expect(moved.plainText == entry.plainText)
  }

  @Test func trailingSpacesOfTheLastBlockMoveAfterIt() {
    let entry = Rendered.sequence([
      .display(margin, .text("1. ")),
      .display(inline, .styled(TextFormatting(fontStyle: .italic), .text("Title. "))),
    ])
    #expect(
      entry.movingEdgeSpacesOutOfDisplays()
        == .sequence([
          .display(margin, .text("1. ")),
          .sequence([
            .display(inline, .styled(TextFormatting(fontStyle: .italic), .text("Title."))), .text(" "),
          ]),
        ]))
  }

  @Test func spacesInsideTheEntryAndOutsideBlocksStay() {
    // The margin's trailing space is not at the entry's end; the leading space is not in a block.
    let entry = Rendered.sequence([
      .text(" "), .display(margin, .text("1. ")), .display(inline, .text("Title")),
    ])
    #expect(entry.movingEdgeSpacesOutOfDisplays() == entry)
    let plain = Rendered.text(" Title ")
    #expect(plain.movingEdgeSpacesOutOfDisplays() == plain)
  }
}

/// A layout suffix after a closing display block goes inside the block.
struct TrailingDisplaySuffixTests {
  @Test func theSuffixJoinsTheLastBlock() {
    let node = Node.sequence([
      .display(.block, .text("Aalto")), .tagged(.citationNumber, .display(.rightInline, .text("Here"))),
      .empty,
    ])
    #expect(
      node.appendingInsideTrailingDisplay(".")
        == .sequence([
          .display(.block, .text("Aalto")),
          .tagged(.citationNumber, .display(.rightInline, .sequence([.text("Here"), .text(".")]))), .empty,
        ]))
  }

  @Test func noBlockAtTheEndMeansNoChange() {
    #expect(
      Node.sequence([.display(.block, .text("A")), .text("B")]).appendingInsideTrailingDisplay(".") == nil)
    #expect(Node.text("A").appendingInsideTrailingDisplay(".") == nil)
    #expect(Node.quoted(.display(.block, .text("A"))).appendingInsideTrailingDisplay(".") == nil)
  }
}
