import Testing

@testable import Citeproc

@Test func parsesElementsAttributesAndLines() throws {
  let xml = """
    <?xml version="1.0"?>
    <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en">
      <term name="ad"> AD</term>
    </style>
    """
  let root = try XMLDocumentLoader.parse(Array(xml.utf8), file: "t.csl")
  #expect(root.name == "style")
  #expect(root["xml:lang"] == "en")
  #expect(root.children.count == 1)
  #expect(root.children[0].text == " AD")
  #expect(root.children[0].line == 3)
}

@Test func malformedXMLReportsFileAndLine() {
  let xml = "<style>\n<text>\n</style>"
  #expect {
    _ = try XMLDocumentLoader.parse(Array(xml.utf8), file: "bad.csl")
  } throws: { error in
    guard let d = error as? CiteprocData.Diagnostic else { return false }
    return d.file == "bad.csl" && d.line == 3 && d.severity == .error
  }
}

@Test func refusesDoctypeAndEntities() {
  let xml = """
    <?xml version="1.0"?>
    <!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <style>&x;</style>
    """
  #expect(throws: CiteprocData.Diagnostic.self) {
    _ = try XMLDocumentLoader.parse(Array(xml.utf8), file: "x.csl")
  }
}
