import Foundation
import Testing

@testable import Citeproc

/// A small valid style with `body` inside the bibliography layout and `macros` beside it. Lines:
/// 1 declaration, 2 style, 3 info, 4 macros, 5 citation, 6 bibliography (where `body` starts).
private func style(macros: String = "", citation: String = "<text variable=\"title\"/>", body: String = "")
  -> String
{
  """
  <?xml version="1.0" encoding="utf-8"?>
  <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><title>T</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  \(macros)
    <citation><layout>\(citation)</layout></citation>
    <bibliography><layout>\(body)</layout></bibliography>
  </style>
  """
}

private func errors(_ xml: String) -> [Diagnostic] {
  do {
    _ = try StyleLoader().load(xml: xml, file: "s.csl")
    return []
  } catch {
    return error.diagnostics.filter { $0.severity == .error }
  }
}

@Suite struct StyleCompilerErrorTests {
  @Test func undefinedMacroIsAnErrorAtItsLine() {
    let found = errors(style(body: "\n<text macro=\"missing\"/>"))
    #expect(found.map(\.description) == ["s.csl:7: error: macro 'missing' is not defined"])
  }

  @Test func directRecursionIsReported() {
    let found = errors(
      style(macros: "<macro name=\"a\">\n<text macro=\"a\"/></macro>", body: "<text macro=\"a\"/>"))
    #expect(found.contains { $0.message.contains("macro 'a' calls itself (a → a)") && $0.line == 5 })
  }

  @Test func indirectRecursionIsReported() {
    let macros = """
      <macro name="a"><text macro="b"/></macro>
      <macro name="b"><text macro="a"/></macro>
      """
    let found = errors(style(macros: macros, body: "<text macro=\"a\"/>"))
    #expect(found.contains { $0.message.contains("(a → b → a)") })
  }

  @Test func unknownElementAndAttributeValue() {
    let found = errors(style(body: "<bogus/>\n<text variable=\"title\" font-style=\"slanted\"/>"))
    #expect(found.contains { $0.description == "s.csl:6: error: unknown element <bogus>" })
    #expect(
      found.contains {
        $0.description == "s.csl:7: error: unknown value 'slanted' for attribute 'font-style' on <text>"
      })
  }

  @Test func chooseMustStartWithIf() {
    let found = errors(style(body: "<choose>\n<else><text value=\"x\"/></else></choose>"))
    #expect(found.contains { $0.message == "<choose> must start with <if>" && $0.line == 7 })
  }

  @Test func malformedXMLGivesFileAndLine() {
    let found = errors("<style class=\"in-text\">\n<citation>\n<layout></citation></style>")
    #expect(found.count == 1)
    #expect(found.first?.file == "s.csl")
    #expect(found.first?.line == 3)
  }

  @Test func missingParentOfADependentStyle() {
    let xml = """
      <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
        <info><title>D</title><id>d</id>
          <link href="http://www.zotero.org/styles/no-such-style" rel="independent-parent"/></info>
      </style>
      """
    let found = errors(xml)
    #expect(found.count == 1)
    #expect(
      found.first?.message.hasPrefix(
        "independent parent style 'http://www.zotero.org/styles/no-such-style' not found") == true)
    #expect(found.first?.line == 2)
  }

  @Test func unknownAttributeIsOnlyAWarning() throws {
    let loaded = try StyleLoader().load(
      xml: style(body: "<text variable=\"title\" future-attribute=\"x\"/>"), file: "s.csl")
    #expect(
      loaded.warnings.map(\.description) == [
        "s.csl:6: warning: unknown attribute 'future-attribute' on <text> is ignored"
      ])
  }

  @Test func inheritableNameOptionsReachNames() throws {
    let xml = style(body: "<names variable=\"author\"><name/></names>")
      .replacingOccurrences(
        of: "<bibliography>",
        with: "<bibliography et-al-min=\"3\" et-al-use-first=\"1\" initialize-with=\".\">")
    let loaded = try StyleLoader().load(xml: xml, file: "s.csl")
    guard case .names(let names)? = loaded.style.bibliography?.layout.elements.first else {
      Issue.record("expected a names element")
      return
    }
    #expect(names.name.etAlMin == 3)
    #expect(names.name.etAlUseFirst == 1)
    #expect(names.name.initializeWith == ".")
  }
}

@Suite(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles not available"))
struct OfficialStylesCompileTests {
  @Test func everyOfficialStyleCompiles() throws {
    let root = TestPaths.sharedPath("csl-styles")
    var files: [String] = []
    for folder in ["", "/dependent", "/legacy"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: root + folder)
      files += names.filter { $0.hasSuffix(".csl") }.map { root + folder + "/" + $0 }
    }
    #expect(files.count == 97)
    for file in files {
      do {
        let loaded = try StyleLoader().load(file)
        #expect(!loaded.style.citation.layout.elements.isEmpty, "\(file) has an empty citation layout")
      } catch {
        Issue.record("\(file): \(error)")
      }
    }
  }
}

@Test func unknownTermIsAWarningNotAnError() throws {
  let loaded = try StyleLoader().load(xml: style(body: "<text term=\"hovercraft\"/>"), file: "s.csl")
  #expect(loaded.warnings.count == 1)
  #expect(loaded.warnings.first?.description.hasPrefix("s.csl:6: warning: unknown term 'hovercraft'") == true)
  let known = try StyleLoader().load(
    xml: style(body: "<text term=\"no date\"/><text term=\"month-03\"/>"), file: "s.csl")
  #expect(known.warnings.isEmpty)
}
