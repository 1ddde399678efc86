/// The formatting in force at one point of a ``Rendered`` tree, every property resolved.
///
/// Output formats walk the tree with this state so that a `styled` node only produces markup for
/// the properties it actually changes: italic inside italic writes nothing, and an explicit
/// `normal` writes markup only where the surrounding text is not normal already.
struct EffectiveFormatting: Hashable, Sendable {
  var fontStyle: TextFormatting.FontStyle = .normal
  var fontVariant: TextFormatting.FontVariant = .normal
  var fontWeight: TextFormatting.FontWeight = .normal
  var textDecoration: TextFormatting.TextDecoration = .none
  var verticalAlign: TextFormatting.VerticalAlign = .baseline

  /// The state outside any formatting.
  static let initial = EffectiveFormatting()

  /// Applies `formatting` and returns the properties whose value changed (the others are nil).
  ///
  /// Formats that nest one piece of markup per property wrap them in the order the properties are
  /// declared in ``TextFormatting``: font style innermost, vertical alignment outermost.
  mutating func apply(_ formatting: TextFormatting) -> TextFormatting {
    var changed = TextFormatting()
    if let value = formatting.fontStyle, value != fontStyle {
      fontStyle = value
      changed.fontStyle = value
    }
    if let value = formatting.fontVariant, value != fontVariant {
      fontVariant = value
      changed.fontVariant = value
    }
    if let value = formatting.fontWeight, value != fontWeight {
      fontWeight = value
      changed.fontWeight = value
    }
    if let value = formatting.textDecoration, value != textDecoration {
      textDecoration = value
      changed.textDecoration = value
    }
    if let value = formatting.verticalAlign, value != verticalAlign {
      verticalAlign = value
      changed.verticalAlign = value
    }
    return changed
  }
}

/// Something output is appended to.
protocol OutputSink {
  var out: String { get set }
}

extension OutputSink {
  /// Appends `open`, then whatever `body` appends, then `close`. When `body` appends nothing, the
  /// opening markup is taken back and `close` is not written, so empty content never leaves empty
  /// markup behind.
  mutating func appendWrapped(open: String, close: String, _ body: (inout Self) -> Void) {
    out.append(open)
    let lengthAfterOpen = out.utf8.count
    body(&self)
    if out.utf8.count == lengthAfterOpen {
      out.unicodeScalars.removeLast(open.unicodeScalars.count)
    } else {
      out.append(close)
    }
  }
}

/// A plain string being written.
struct StringSink: OutputSink {
  var out = ""
}
