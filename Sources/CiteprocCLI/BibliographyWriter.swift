import Citeproc

/// Writes a bibliography to standard output a batch of entries at a time: the format's opening
/// before the first batch, its closing at the end, and a final line end when the text lacks one.
struct BibliographyWriter {
  let format: any StreamingOutputFormat
  let layout: BibliographyLayout
  private(set) var wroteEntries = false
  private var opened = false
  private var lastByte: UInt8?

  init(format: any StreamingOutputFormat, layout: BibliographyLayout) {
    self.format = format
    self.layout = layout
  }

  /// Writes the opening, unless it was written already.
  mutating func open() {
    guard !opened else { return }
    opened = true
    write(format.bibliographyOpening(layout: layout))
  }

  /// Writes one batch of entries (the opening first, when it is the first batch).
  mutating func write(_ entries: [BibliographyEntry]) {
    open()
    write(format.bibliographyEntries(entries, layout: layout, continuing: wroteEntries))
    wroteEntries = wroteEntries || !entries.isEmpty
  }

  /// Writes the closing and ends the output with a line end.
  mutating func close() {
    open()
    write(format.bibliographyClosing(layout: layout, wroteEntries: wroteEntries))
    if lastByte != UInt8(ascii: "\n") { Report.write("\n") }
  }

  private mutating func write(_ text: String) {
    guard !text.isEmpty else { return }
    Report.write(text)
    lastByte = text.utf8.last
  }
}
