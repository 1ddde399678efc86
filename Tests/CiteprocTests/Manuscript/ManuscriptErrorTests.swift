import Testing

@testable import Citeproc

@Suite struct ManuscriptErrorTests {
  @Test func unknownKeyIsAnErrorWithItsPlace() throws {
    let result = try ManuscriptFixture.render(
      "Intro.\nAs shown [@balint1964; @nobody2020].", style: "harvard")
    #expect(result.hasErrors)
    #expect(
      result.diagnostics.map(\.description) == ["paper.md:2:24: error: no reference with key 'nobody2020'"])
  }

  @Test func allowMissingWarnsAndMarksTheText() throws {
    let result = try ManuscriptFixture.render(
      "As shown [@balint1964; @nobody2020] and [@ghost].", style: "harvard", format: .text, allowMissing: true
    )
    #expect(!result.hasErrors)
    #expect(result.diagnostics.map(\.severity) == [.warning, .warning])
    #expect(result.document.hasPrefix("As shown (Balint, 1964) (nobody2020?) and (ghost?)."))
  }

  @Test func malformedCiteIsAnError() throws {
    let result = try ManuscriptFixture.render("Bad [@balint1964 @okafor2020].", style: "vancouver")
    #expect(result.hasErrors)
    #expect(
      result.diagnostics.map(\.description)
        == ["paper.md:1:18: error: malformed citation: two keys in one cite; separate cites with ';'"])
  }

  @Test func emptyBibliographyIsAnError() throws {
    let result = try ManuscriptFixture.render("Cite [@a].", style: "vancouver", references: [])
    #expect(result.hasErrors)
    #expect(
      result.diagnostics.first?.description
        == "paper.md: error: the bibliography is empty: there are no references to cite")
  }

  @Test func nociteAddsWorksAfterTheCitedOnes() throws {
    let result = try ManuscriptFixture.render(
      "One [@okafor2020].", style: "vancouver", format: .text, nocite: ["balint1964"])
    #expect(result.bibliography.map(\.id) == ["okafor2020", "balint1964"])
    #expect(result.document.hasPrefix("One (1).\n\nReferences\n\n1. Okafor N"))
    let all = try ManuscriptFixture.render("One [@okafor2020].", style: "vancouver", nocite: ["*"])
    #expect(all.bibliography.count == 8)
    let unknown = try ManuscriptFixture.render("One [@okafor2020].", style: "vancouver", nocite: ["zz"])
    #expect(
      unknown.diagnostics.map(\.description) == ["paper.md: error: --nocite: no reference with key 'zz'"])
  }

  @Test func jsonListsCitationsEntriesAndWarnings() throws {
    let result = try ManuscriptFixture.render(
      "A [@okafor2020] \"q\" [@x].", style: "bjgp", format: .html, allowMissing: true)
    let json = result.json()
    #expect(
      json.contains(
        #"{"id": "c1", "line": 1, "column": 3, "kind": "bracketed", "keys": ["okafor2020"], "text": "<sup>1</sup>"}"#
      ))
    #expect(
      json.contains(
        #"{"id": "okafor2020", "text": "1. Okafor N, Lindqvist E. Trust and the consultation. Br J Gen Pract 2020; 70(691): 88–95."}"#
      ))
    #expect(
      json.contains(
        #"{"severity": "warning", "file": "paper.md", "line": 1, "column": 22, "message": "no reference with key 'x'"}"#
      ))
  }
}
