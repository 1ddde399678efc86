import CiteprocReaders
import Testing

@Suite struct InputDetectionTests {
  @Test func detectsJSONAndRIS() {
    #expect(InputDetection.detect(Array("[{\"id\":\"a\"}]".utf8)) == .cslJSON)
    #expect(InputDetection.detect(Array(" \n\t{\"items\":[]}".utf8)) == .cslJSON)
    #expect(InputDetection.detect([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .cslJSON)
    #expect(InputDetection.detect(Array("\r\n\r\nTY  - JOUR\r\nER  - \r\n".utf8)) == .ris)
    #expect(InputDetection.detect([0xEF, 0xBB, 0xBF] + Array("TY - JOUR T1 - x ER -".utf8)) == .ris)
    #expect(InputDetection.detect(Array("Provider: x\nTY  - BOOK\n".utf8)) == .ris)
  }

  @Test func otherInputIsNotDetected() {
    #expect(InputDetection.detect([]) == nil)
    #expect(InputDetection.detect(Array("hello\nworld".utf8)) == nil)
    #expect(InputDetection.detect(Array("TYPE - JOUR\n".utf8)) == nil)
    #expect(InputDetection.detect(Array("PMID- 1\nTI  - x\n".utf8)) == nil)
  }

  @Test func namesFormatsMistakenForRIS() {
    #expect(InputDetection.foreignFormatName(Array("PMID- 1\nTI  - x\n".utf8)) == "MEDLINE (.nbib)")
    #expect(InputDetection.foreignFormatName(Array("%0 Book\n%A X\n".utf8))?.contains("EndNote") == true)
    #expect(
      InputDetection.foreignFormatName(Array("FN Clarivate\nVR 1.0\n".utf8))?.contains("Web of Science")
        == true)
    #expect(InputDetection.foreignFormatName(Array("@article{key,\n title={x}}\n".utf8)) == "BibTeX")
    #expect(InputDetection.foreignFormatName(Array("TY  - JOUR\nER  - \n".utf8)) == nil)
  }
}
