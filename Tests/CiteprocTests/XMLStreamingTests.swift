import Foundation
import TestSupport
import Testing

@testable import Citeproc

/// The tree built from libxml2's parsing events must be the tree converted from a libxml2
/// document, and a document that fails must fail with the same first error either way.
private func expectSameResult(
  _ bytes: [UInt8], file: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let viaDocument: Result<XMLTreeElement?, Diagnostic>
  do throws(Diagnostic) {
    viaDocument = .success(try XMLDocumentLoader.read(bytes, file: file, streaming: false))
  } catch {
    viaDocument = .failure(error)
  }
  let streamed: Result<XMLTreeElement?, Diagnostic>
  do throws(Diagnostic) {
    streamed = .success(try XMLDocumentLoader.read(bytes, file: file, streaming: true))
  } catch {
    streamed = .failure(error)
  }
  // Nil: the streaming build left this document to the document model.
  if case .success(nil) = streamed { return }
  #expect(streamed == viaDocument, "\(file)", sourceLocation: sourceLocation)
}

/// Pieces spliced into documents: references, markup that is rare in styles, and broken markup.
private let pieces = [
  "&amp;", "&#38;", "&#x26;amp;", "&lt;", "&#10;", "&#13;&#10;", "&#9;", "&undefined;", "&", "<", ">", "\"",
  "'",
  "<![CDATA[a<b]]>", "<!-- note -->", "<?pi data?>", "\t", "\r\n", "\n", "é", "\u{301}", " xml:lang=\"de\"",
  " xml:id=\"a\"", " xmlns:z=\"urn:z\" z:attr=\"1\"", " q:attr=\"1\"", " a=\"x &amp; y\"", " a=\"1\" a=\"2\"",
  "<z:e xmlns:z=\"urn:z\"/>", "<q:e/>", "</text>", "<text>", "<!DOCTYPE style>", " ", "\u{0}", "\u{FEFF}",
]

@Suite struct XMLStreamingTests {
  @Test func mutatedDocuments() throws {
    let seed = """
      <?xml version="1.0" encoding="utf-8"?>
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" xml:lang="en">
        <info><title>A &amp; B</title><id>t</id></info>
        <locale><terms><term name="and">and</term><term name="ad"> AD</term></terms></locale>
        <macro name="m"><text value="x&#38;y" prefix=" (" suffix=")"/></macro>
        <citation><layout><text macro="m"/><text variable="title" quotes="true"/></layout></citation>
      </style>
      """
    let bytes = Array(seed.utf8)
    var random = TestRandom(seed: 11)
    expectSameResult(bytes, file: "seed.csl")
    for round in 0..<3000 {
      var mutated = bytes
      for _ in 0...random.next(3) {
        let at = random.next(mutated.count + 1)
        switch random.next(3) {
        case 0:
          mutated.insert(contentsOf: Array(pieces[random.next(pieces.count)].utf8), at: at)
        case 1:
          if at < mutated.count { mutated.removeSubrange(at..<min(mutated.count, at + 1 + random.next(4))) }
        default:
          if at < mutated.count { mutated[at] = Array(pieces[random.next(pieces.count)].utf8).first ?? 0x20 }
        }
      }
      expectSameResult(mutated, file: "mutated-\(round).csl")
    }
  }

  @Test func longAndDeepDocuments() {
    var lines = "<style>" + String(repeating: "\n", count: 70_000) + "<text/></style>"
    expectSameResult(Array(lines.utf8), file: "lines.csl")
    lines = String(repeating: "<group>", count: 300) + String(repeating: "</group>", count: 300)
    expectSameResult(Array(lines.utf8), file: "deep.csl")
    let text = "<style><title>" + String(repeating: "x", count: 1_100_000) + "</title></style>"
    expectSameResult(Array(text.utf8), file: "text.csl")
  }

  @Test(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles not available"))
  func officialStylesAndLocales() throws {
    for folder in ["csl-styles", "csl-styles/dependent", "csl-styles/legacy", "csl-locales"] {
      let root = TestPaths.sharedPath(folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: root).filter {
        $0.hasSuffix(".csl") || $0.hasSuffix(".xml")
      }
      for name in names {
        let path = root + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let bytes = Array(data)
        expectSameResult(bytes, file: path)
        #expect(try XMLDocumentLoader.read(bytes, file: path, streaming: true) != nil, "\(path)")
      }
    }
  }
}
