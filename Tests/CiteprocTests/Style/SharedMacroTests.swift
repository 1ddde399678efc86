import Foundation
import Testing

@testable import Citeproc

/// Compiles `xml` with macros shared between citation and bibliography and with every macro
/// compiled per context, and expects the same style and the same diagnostics.
private func expectSameCompilation(
  _ xml: String, file: String, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let root = try XMLDocumentLoader.parse(Array(xml.utf8), file: file)
  let (shared, sharedDiagnostics) = StyleCompiler.compile(root, file: file)
  let (separate, separateDiagnostics) = StyleCompiler.compile(root, file: file, sharesMacros: false)
  #expect(sharedDiagnostics == separateDiagnostics, "\(file)", sourceLocation: sourceLocation)
  #expect((shared == nil) == (separate == nil), "\(file)", sourceLocation: sourceLocation)
  guard let shared, let separate else { return }
  #expect(shared.info == separate.info, sourceLocation: sourceLocation)
  #expect(shared.styleClass == separate.styleClass, sourceLocation: sourceLocation)
  #expect(shared.defaultLocale == separate.defaultLocale, sourceLocation: sourceLocation)
  #expect(shared.options == separate.options, sourceLocation: sourceLocation)
  #expect(shared.localeOverrides == separate.localeOverrides, sourceLocation: sourceLocation)
  #expect(shared.citation == separate.citation, "\(file): citation", sourceLocation: sourceLocation)
  #expect(
    shared.bibliography == separate.bibliography, "\(file): bibliography", sourceLocation: sourceLocation)
}

private func style(citationAttributes: String = "", bibliographyAttributes: String = "", macros: String)
  -> String
{
  """
  <?xml version="1.0" encoding="utf-8"?>
  <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><title>T</title><id>t</id></info>
    \(macros)
    <citation \(citationAttributes)><layout><text macro="outer"/><text macro="names"/></layout></citation>
    <bibliography \(bibliographyAttributes)>
      <sort><key macro="outer"/></sort>
      <layout><text macro="names"/><text macro="outer"/><text macro="plain"/></layout>
    </bibliography>
  </style>
  """
}

private let macros = """
  <macro name="plain"><text variable="title" font-style="italic"/></macro>
  <macro name="names"><names variable="author"><name form="short"/></names></macro>
  <macro name="outer">
    <group delimiter=", "><text macro="plain"/><text macro="names"/><date variable="issued" form="text"/></group>
  </macro>
  <macro name="warns"><text term="hovercraft"/><text macro="plain"/></macro>
  <macro name="unused"><text macro="warns"/><text variable="page" bogus="1"/></macro>
  """

@Suite struct SharedMacroTests {
  @Test func namesInheritingDifferentOptions() throws {
    try expectSameCompilation(
      style(citationAttributes: "et-al-min=\"3\"", bibliographyAttributes: "et-al-min=\"7\"", macros: macros),
      file: "different.csl")
  }

  @Test func namesInheritingTheSameOptions() throws {
    try expectSameCompilation(
      style(
        citationAttributes: "initialize-with=\".\"", bibliographyAttributes: "initialize-with=\".\"",
        macros: macros),
      file: "same.csl")
  }

  @Test func warningsAndErrorsInsideMacros() throws {
    let broken =
      macros + """
        <macro name="loop-a"><text macro="loop-b"/></macro>
        <macro name="loop-b"><text macro="plain"/><text macro="loop-a"/></macro>
        <macro name="missing"><text macro="nowhere"/></macro>
        """
    try expectSameCompilation(style(macros: broken), file: "broken.csl")
  }

  @Test func deepMacroChainsCrossingTheNestingLimit() throws {
    var chain = "<macro name=\"m0\"><text variable=\"title\"/></macro>\n"
    for level in 1...140 {
      chain += "<macro name=\"m\(level)\"><group><text macro=\"m\(level - 1)\"/></group></macro>\n"
    }
    let xml = style(macros: macros + chain).replacingOccurrences(
      of: "<text macro=\"plain\"/></layout>", with: "<text macro=\"m70\"/><text macro=\"m140\"/></layout>")
    try expectSameCompilation(xml, file: "deep.csl")
  }

  @Test(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles not available"))
  func officialStyles() throws {
    let root = TestPaths.sharedPath("csl-styles")
    for folder in ["", "/legacy"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: root + folder).filter {
        $0.hasSuffix(".csl")
      }
      for name in names {
        let path = root + folder + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try expectSameCompilation(text, file: path)
      }
    }
  }
}
