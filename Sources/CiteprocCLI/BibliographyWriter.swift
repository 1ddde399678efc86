import Citeproc
import CiteprocData

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
  ///
  /// A large batch is formatted in parts on all cores: parts formatted one after the other give
  /// the text of the whole batch (the contract of ``StreamingOutputFormat``).
  mutating func write(_ entries: [BibliographyEntry]) {
    open()
    let parts = (entries.count + Self.partSize - 1) / Self.partSize
    if parts < 2 {
      write(format.bibliographyEntries(entries, layout: layout, continuing: wroteEntries))
    } else {
      let format = format
      let layout = layout
      let continuing = wroteEntries
      let texts = Parallel.map(count: parts, minimumChunk: 1) { part in
        let range = (part * Self.partSize)..<min(entries.count, (part + 1) * Self.partSize)
        return format.bibliographyEntries(
          Array(entries[range]), layout: layout, continuing: continuing || part > 0)
      }
      write(texts.joined())
    }
    wroteEntries = wroteEntries || !entries.isEmpty
  }

  /// How many entries are formatted together when a batch is formatted in parts.
  static let partSize = 128

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
