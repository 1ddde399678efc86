import CSLTestSuite
import CiteprocData
import Testing

@Suite struct FixtureSectionsTests {
  @Test func splitsSectionsAndIgnoresCommentary() throws {
    let text = """
      \u{FEFF}>>===== MODE =====>>
      citation
      <<===== MODE =====<<
      ## free text
      >>==== CITATION-ITEMS ====
      [[{"id": "X"}]]
      <<==== CITATION-ITEMS ====
      >>== RESULT ==>>
      line one
        >>[0] line two

      <<== RESULT ==<<
      >>===== EMPTY =====>>
      <<===== EMPTY =====<<
      >>===== CSL ====>>
      <style/>
      <<===== CSL ====<<
      """
    let sections = try FixtureSections(text: text, file: "f.txt")
    #expect(sections.order == ["MODE", "RESULT", "EMPTY", "CSL"])
    #expect(sections["MODE"] == .init(content: "citation", firstLine: 2))
    #expect(sections["RESULT"] == .init(content: "line one\n  >>[0] line two\n", firstLine: 9))
    #expect(sections["EMPTY"] == .init(content: "", firstLine: 14))
    #expect(sections["CSL"] == .init(content: "<style/>", firstLine: 16))
    #expect(sections["CITATION-ITEMS"] == nil)
  }

  @Test func closingMustMatchTheOpenSection() throws {
    let text = ">>===== A =====>>\n<<===== B =====<<\nx\n<<===== A =====<<"
    let sections = try FixtureSections(text: text, file: "f.txt")
    #expect(sections["A"]?.content == "<<===== B =====<<\nx")
    #expect(sections["B"] == nil)
  }

  @Test func unclosedAndRepeatedSectionsAreErrors() {
    #expect(throws: Diagnostic.error("section MODE is not closed", file: "f.txt", line: 2)) {
      try FixtureSections(text: "\n>>===== MODE =====>>\ncitation\n", file: "f.txt")
    }
    #expect(throws: Diagnostic.error("section MODE appears twice", file: "f.txt", line: 4)) {
      try FixtureSections(
        text: ">>= MODE =>>\na\n<<= MODE =<<\n>>= MODE =>>\nb\n<<= MODE =<<", file: "f.txt")
    }
  }

  @Test func notDelimiters() throws {
    for line in [">>==== MODE ====", ">>MODE>>", ">>== mode ==>>", ">>==MODE==>>", ">>=====>>", ">>== ==>>"] {
      let sections = try FixtureSections(text: line + "\nx\n<<== MODE ==<<", file: "f.txt")
      #expect(sections.order.isEmpty, "\(line)")
    }
  }
}
