import Testing

@testable import Citeproc

@Suite struct OutputFormatsTests {
  @Test func namesMapToFormats() {
    #expect(OutputFormats.named("text") is PlainTextFormat)
    #expect(OutputFormats.named("html") is HTMLFormat)
    #expect(OutputFormats.named("HTML") is HTMLFormat)
    #expect(OutputFormats.named("rtf") is RTFFormat)
    #expect(OutputFormats.named("markdown") is MarkdownFormat)
    #expect(OutputFormats.named("md") is MarkdownFormat)
  }

  @Test func unknownNames() {
    #expect(OutputFormats.named("docx") == nil)
    #expect(OutputFormats.named("") == nil)
    #expect(OutputFormats.named(" html") == nil)
  }

  @Test func everyListedNameResolves() {
    for name in OutputFormats.names {
      #expect(OutputFormats.named(name) != nil, "\(name)")
    }
  }

  @Test func formatsDifferOnTheSameTree() {
    let tree = seq(t("A & "), italic(t("B")))
    let outputs = ["text", "html", "rtf", "markdown"].compactMap {
      OutputFormats.named($0)?.string(for: tree)
    }
    #expect(outputs == ["A & B", "A &#38; <i>B</i>", "A & {\\i B}", "A & *B*"])
  }
}
