import Testing

@testable import Citeproc

/// A macro's elements that print nothing at all are left out of its output, so that a macro call
/// that prints one thing takes no array; anything a later pass looks for stays.
struct BareNodeTests {
  @Test func bareNodesAreTheUntaggedEmptyOnes() {
    #expect(Node.text("").isBare)
    #expect(Node.empty.isBare)
    #expect(!Node.text(" ").isBare)
    #expect(!Node.sequence([.empty]).isBare)
    #expect(!Node.tagged(.names, .empty).isBare)
    #expect(!Node.tagged(.yearSuffix, .text("")).isBare)
  }

  private static let style = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><title>T</title><id>t</id></info>
      <macro name="m">
        <text variable="volume"/>
        <text variable="title"/>
        <names variable="editor"/>
        <text variable="issue"/>
      </macro>
      <citation><layout><text macro="m"/></layout></citation>
      <bibliography><layout><text macro="m" prefix="[" suffix="]"/></layout></bibliography>
    </style>
    """

  private func pieces(_ reference: Reference) throws -> [Node] {
    let loaded = try StyleLoader().load(xml: Self.style)
    let processor = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
    var evaluator = processor.evaluator(
      for: reference, mode: .bibliography, inCitation: false, cite: CiteContext())
    guard let bibliography = loaded.style.bibliography else { return [] }
    return bibliography.layout.elements.map { evaluator.render($0).0 }
  }

  @Test func aMacroThatPrintsOneThingIsThatThing() throws {
    let nodes = try pieces(Reference(id: "a", type: "book", fields: ["title": "Only"]))
    // The affixes of the macro call around the title alone, with no sequence for the macro body.
    #expect(nodes == [.sequence([.text("["), .text("Only"), .text("]")])])
  }

  @Test func aMacroThatPrintsTwoThingsKeepsBoth() throws {
    let nodes = try pieces(Reference(id: "a", type: "book", fields: ["title": "T", "issue": "4"]))
    #expect(nodes == [.sequence([.text("["), .sequence([.text("T"), .text("4")]), .text("]")])])
    let plain = nodes.map(\.plainText)
    #expect(plain == ["[T4]"])
  }
}
