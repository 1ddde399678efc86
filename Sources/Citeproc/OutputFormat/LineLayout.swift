/// Where the line-based formats (plain text, RTF, Markdown) put `display` blocks.
///
/// Breaks and the gap after a left-margin are only requested; they take effect just before the
/// next content, so nothing dangles at the end of an entry and no entry starts with a break.
struct LineLayout {
  /// What to write before the next content.
  struct Separator: Equatable {
    /// End the current line.
    var lineBreak = false
    /// Start the new line indented.
    var indent = false
    /// Separate from the left-margin before it on the same line.
    var gap = false
  }

  private var atLineStart = true
  private var pendingBreak = false
  private var pendingGap = false
  private var pendingIndent = false

  /// Asks for the next content to start a new line.
  mutating func requestBreak() {
    pendingBreak = true
    pendingGap = false
  }

  /// Asks for the next content on this line to be separated by the format's gap.
  mutating func requestGap() {
    if !pendingBreak { pendingGap = true }
  }

  /// Asks for the next content to start a new, indented line.
  mutating func requestIndentedLine() {
    requestBreak()
    pendingIndent = true
  }

  /// What to write before content that is about to be written.
  mutating func separatorBeforeContent() -> Separator {
    var separator = Separator()
    if pendingBreak {
      separator.lineBreak = !atLineStart
      separator.indent = pendingIndent
    } else {
      separator.gap = pendingGap && !atLineStart
    }
    pendingBreak = false
    pendingGap = false
    pendingIndent = false
    atLineStart = false
    return separator
  }

  /// Starts a new entry: requests that nothing followed are dropped and the next content begins
  /// a line.
  mutating func startLine() {
    pendingBreak = false
    pendingGap = false
    pendingIndent = false
    atLineStart = true
  }
}

/// A writer that lays out `display` blocks with a ``LineLayout``.
protocol LineLaidOut {
  var layout: LineLayout { get set }
  /// Grows whenever content is written (to tell whether a block had any).
  var contentMark: Int { get }
}

extension LineLaidOut {
  /// Lays out a `display` block around `body`, which writes the block's content.
  mutating func display(_ display: Display, _ body: (inout Self) -> Void) {
    switch display {
    case .block:
      layout.requestBreak()
      body(&self)
      layout.requestBreak()
    case .leftMargin:
      let before = contentMark
      body(&self)
      if contentMark != before { layout.requestGap() }
    case .rightInline:
      body(&self)
    case .indent:
      layout.requestIndentedLine()
      body(&self)
      layout.requestBreak()
    }
  }
}

/// Writes line-based output into a string, with the format's marks for line breaks, gaps and
/// indents.
struct LineWriter: OutputSink, LineLaidOut {
  struct Marks {
    var lineBreak: String
    var gap: String
    var indent: String
  }

  var out = ""
  var layout = LineLayout()
  let marks: Marks

  init(marks: Marks) {
    self.marks = marks
  }

  var contentMark: Int { out.utf8.count }

  /// Writes the separator the layout asks for; call right before appending non-empty content.
  mutating func prepareForContent() {
    let separator = layout.separatorBeforeContent()
    if separator.lineBreak { out.append(marks.lineBreak) }
    if separator.indent { out.append(marks.indent) }
    if separator.gap { out.append(marks.gap) }
  }
}
