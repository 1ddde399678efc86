import Testing

@testable import Citeproc

@Suite struct CitationScannerTests {
  func scan(_ text: String) -> ManuscriptScan { CitationScanner(file: "m.md").scan(text) }

  @Test func bracketedCitesWithLocatorsPrefixesAndSuffixes() {
    let result = scan("Text [see @doe99, pp. 33-35, 38 and *passim*; -@smith04, chap. 1; @x, 12].")
    #expect(result.diagnostics.isEmpty)
    let cites = result.citations.first?.cites.map(\.item) ?? []
    #expect(cites.count == 3)
    #expect(
      cites[0]
        == CiteItem(
          id: "doe99", locator: "33-35, 38", label: "page", prefix: "see ", suffix: " and <i>passim</i>"))
    #expect(cites[1] == CiteItem(id: "smith04", locator: "1", label: "chapter", suppressAuthor: true))
    #expect(cites[2] == CiteItem(id: "x", locator: "12", label: "page"))
    #expect(result.citations.first?.range == 5..<73)
  }

  @Test func locatorTerms() {
    let labels = [
      "fig. 2": "figure", "sec. 4": "section", "§ 4": "section", "vol. 2": "volume", "para. 3": "paragraph",
      "l. 10": "line", "s.v. 3": "sub-verbo", "pages 5": "page", "p. {iv, 33}": "page",
    ]
    for (text, label) in labels {
      let item = scan("[@a, \(text)]").citations.first?.cites.first?.item
      #expect(item?.label == label, "\(text)")
    }
    #expect(scan("[@a, p. {iv, 33}]").citations.first?.cites.first?.item.locator == "iv, 33")
    // A comment is a suffix, not a locator.
    #expect(
      scan("[@a, emphasis added]").citations.first?.cites.first?.item
        == CiteItem(id: "a", suffix: ", emphasis added"))
  }

  @Test func inTextCitations() {
    let result = scan("As @smith04 [p. 33] says, and @doe99 too. Key punctuation: @a:b.c.")
    #expect(result.citations.map(\.kind) == [.inText, .inText, .inText])
    #expect(result.citations.map { $0.cites[0].key } == ["smith04", "doe99", "a:b.c"])
    #expect(result.citations[0].cites[0].item.locator == "33")
    #expect(result.citations[0].cites[0].item.label == "page")
    #expect(result.citations[1].line == 1 && result.citations[1].column == 31)
  }

  @Test func neverCitations() {
    let text = """
      Mail me@example.org or `[@code]` or ``a `@b` c``, \\@escaped, <!-- [@comment] -->.
      ```
      [@fenced] @fenced
      ```
      ~~~~ swift
      @also
      ~~~~
      [a link](http://x.org) and [^1].
      """
    let result = scan(text)
    #expect(result.citations.isEmpty)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func markers() {
    let result = scan("Text.\n\n::: {#refs}\n:::\n\n<div id=\"refs\"></div>\n<!-- references -->\n")
    #expect(result.markers.map(\.kind) == [.fencedDiv, .htmlDiv, .comment])
    #expect(result.markers.map(\.line) == [3, 6, 7])
    #expect(result.markers[0].range == 7..<22)
  }

  @Test func malformedCitesAreErrorsWithLineAndColumn() {
    let cases: [(String, String)] = [
      ("ok\nsee [@a; ] x", "m.md:2:8: error: malformed citation: an empty cite (a ';' too many?)"),
      ("[@]", "m.md:1:2: error: malformed citation: '@' without a citation key"),
      ("x [@a @b]", "m.md:1:7: error: malformed citation: two keys in one cite; separate cites with ';'"),
      (
        "[@a; see]",
        "m.md:1:6: error: malformed citation: 'see' has no @key (cites are separated by ';' and each needs one key)"
      ),
      (
        "a [see @a, p. 3\n\nnext",
        "m.md:1:3: error: malformed citation: '[' is not closed by ']' in its paragraph"
      ),
      ("[@{a b]", "m.md:1:2: error: malformed citation: '@{' without a key and a closing '}'"),
    ]
    for (text, message) in cases {
      let result = scan(text)
      #expect(result.diagnostics.map(\.description) == [message], "\(text)")
      #expect(result.citations.isEmpty, "\(text)")
    }
  }

  @Test func columnsCountCharacters() {
    let result = scan("Über “quoted” [@a]")
    #expect(result.citations.first?.column == 15)
    #expect(result.citations.first?.cites.first?.column == 16)
  }

  @Test func anyInputIsScannedWithoutCrashing() {
    var generator = SplitMix(seed: 7)
    let alphabet = Array("[]@-;,{}`~\\<!>#: \n\tapx1.é€")
    for _ in 0..<300 {
      let length = Int(generator.next() % 200)
      let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      let result = scan(text)
      for citation in result.citations {
        #expect(citation.range.upperBound <= text.utf8.count)
      }
    }
  }

  @Test func largeInputsScanInLinearTime() {
    // Unclosed brackets, backticks and comment openers everywhere.
    let unit = "[[`` <!-- @a [@b; x ``` @c "
    let text = String(repeating: unit, count: 20_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = scan(text) }
    #expect(elapsed < .seconds(20))
  }
}

struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
