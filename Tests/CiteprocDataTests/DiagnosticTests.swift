import CiteprocData
import Testing

@Test func diagnosticPrintsLikeACompiler() {
  let d = Diagnostic.error("unknown element 'foo'", file: "style.csl", line: 12)
  #expect(d.description == "style.csl:12: error: unknown element 'foo'")
  let w = Diagnostic.warning("no line", file: "<stdin>")
  #expect(w.description == "<stdin>: warning: no line")
}

@Test func referenceHasIgnoresEmptyValues() {
  let r = Reference(id: "a", type: "book", fields: ["title": "", "volume": "3"])
  #expect(!r.has("title"))
  #expect(r.has("volume"))
  #expect(r.field("title") == nil)
}

@Test func diagnosticWithAColumn() {
  let d = Diagnostic.error("no reference with key 'x'", file: "paper.md", line: 3, column: 14)
  #expect(d.description == "paper.md:3:14: error: no reference with key 'x'")
}
