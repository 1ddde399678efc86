import Testing

@testable import Citeproc

/// A bibliography written a batch at a time is the bibliography written at once.
struct StreamingOutputFormatTests {
  static let formats: [any StreamingOutputFormat] = [
    PlainTextFormat(), HTMLFormat(), RTFFormat(), MarkdownFormat(),
  ]

  static let all = entries(
    t("One."), italic(t("Two")), seq(display(.leftMargin, t("3. ")), display(.rightInline, t("Three"))),
    bold(t("Four & five")), t("Six"))

  func streamed(
    _ format: any StreamingOutputFormat, _ batches: [[BibliographyEntry]], layout: BibliographyLayout
  )
    -> String
  {
    var out = format.bibliographyOpening(layout: layout)
    var wrote = false
    for batch in batches {
      out += format.bibliographyEntries(batch, layout: layout, continuing: wrote)
      wrote = wrote || !batch.isEmpty
    }
    return out + format.bibliographyClosing(layout: layout, wroteEntries: wrote)
  }

  @Test func batchesJoinIntoTheWholeBibliography() {
    let layouts = [BibliographyLayout(), BibliographyLayout(hangingIndent: true, secondFieldAlign: .flush)]
    for format in Self.formats {
      for layout in layouts {
        let whole = format.bibliography(Self.all, layout: layout)
        for split in [[1, 4], [2, 3], [5], [0, 5], [3, 0, 2], [1, 1, 1, 1, 1]] {
          var batches: [[BibliographyEntry]] = []
          var start = 0
          for count in split {
            batches.append(Array(Self.all[start..<(start + count)]))
            start += count
          }
          #expect(streamed(format, batches, layout: layout) == whole, "\(type(of: format)) \(split)")
        }
        #expect(streamed(format, [], layout: layout) == format.bibliography([], layout: layout))
      }
    }
  }

  @Test func wrappersOfEachFormat() {
    let html = HTMLFormat()
    #expect(
      html.bibliography(entries(t("A")), layout: BibliographyLayout()) == """
        <div class="csl-bib-body">
          <div class="csl-entry">A</div>
        </div>

        """)
    #expect(
      MarkdownFormat().bibliography(entries(t("A"), t("B")), layout: BibliographyLayout()) == "A\n\nB\n")
    #expect(MarkdownFormat().bibliography([], layout: BibliographyLayout()) == "")
    #expect(PlainTextFormat().bibliography(entries(t("A"), t("B")), layout: BibliographyLayout()) == "A\nB\n")
  }
}
