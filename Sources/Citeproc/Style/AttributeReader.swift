import CiteprocData

/// Reads and validates the attributes of one XML element for the style compiler, recording
/// diagnostics instead of throwing so that one pass reports every problem.
struct AttributeReader {
  let element: XMLTreeElement
  let file: String
  var diagnostics: [Diagnostic] = []
  /// The attributes read so far: bit i stands for `element.attributes[i]` (elements have few
  /// attributes; any past the 64th are kept by name).
  private var usedMask: UInt64 = 0
  private var usedBeyondMask: Set<String> = []

  init(_ element: XMLTreeElement, file: String) {
    self.element = element
    self.file = file
  }

  mutating func string(_ name: String) -> String? {
    let attributes = element.attributes
    let length = name.utf8.count
    // Comparing lengths first skips most full comparisons (they are rarely equal).
    for index in attributes.indices
    where attributes[index].name.utf8.count == length && attributes[index].name == name {
      if index < 64 {
        usedMask |= 1 << UInt64(index)
      } else {
        usedBeyondMask.insert(name)
      }
      return attributes[index].value
    }
    return nil
  }

  private func isUsed(_ index: Int) -> Bool {
    index < 64
      ? usedMask & (1 << UInt64(index)) != 0 : usedBeyondMask.contains(element.attributes[index].name)
  }

  mutating func string(_ name: String, default value: String) -> String {
    string(name) ?? value
  }

  mutating func bool(_ name: String) -> Bool? {
    guard let raw = string(name) else { return nil }
    switch raw {
    case "true": return true
    case "false": return false
    default:
      error("attribute '\(name)' must be 'true' or 'false', not '\(raw)'")
      return nil
    }
  }

  mutating func int(_ name: String) -> Int? {
    guard let raw = string(name) else { return nil }
    guard let value = Int(raw.trimmingSpaces), value >= 0 else {
      error("attribute '\(name)' must be a non-negative integer, not '\(raw)'")
      return nil
    }
    return value
  }

  mutating func choice<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) -> T?
  where T.RawValue == String {
    guard let raw = string(name) else { return nil }
    guard let value = T(rawValue: raw) else {
      error("unknown value '\(raw)' for attribute '\(name)' on <\(element.name)>")
      return nil
    }
    return value
  }

  /// A space-separated list attribute.
  mutating func list(_ name: String) -> [String]? {
    string(name).map(Self.words)
  }

  /// `text` split at spaces, tabs and line feeds. ASCII text without carriage returns (where every
  /// byte is a character) is split byte by byte; other text character by character.
  static func words(_ text: String) -> [String] {
    let ascii = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    guard ascii else {
      return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
    var words: [String] = []
    var start: String.UTF8View.Index?
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A {
        if let first = start {
          words.append(String(Substring(utf8[first..<index])))
          start = nil
        }
      } else if start == nil {
        start = index
      }
      index = utf8.index(after: index)
    }
    if let first = start { words.append(String(Substring(utf8[first..<utf8.endIndex]))) }
    return words
  }

  mutating func error(_ message: String) {
    diagnostics.append(.error(message, file: file, line: element.line))
  }

  mutating func warning(_ message: String) {
    diagnostics.append(.warning(message, file: file, line: element.line))
  }

  /// Marks attributes that are allowed but not interpreted.
  mutating func ignore(_ names: String...) {
    for name in names { _ = string(name) }
  }

  /// Warns about attributes that nothing read.
  mutating func finish() {
    for index in element.attributes.indices where !isUsed(index) {
      let name = element.attributes[index].name
      if name.hasPrefix("xmlns") || name == "xml:lang" { continue }
      warning("unknown attribute '\(name)' on <\(element.name)> is ignored")
    }
  }

  /// Formatting, affixes and the other shared attributes. `allowed` limits what the element may
  /// carry; others are reported as unknown by `finish()`.
  mutating func decorations(
    affixes: Bool = true, formatting: Bool = true, display: Bool = false, quotes: Bool = false,
    stripPeriods: Bool = false, textCase: Bool = true
  ) -> Decorations {
    var d = Decorations()
    if affixes {
      d.prefix = string("prefix") ?? ""
      d.suffix = string("suffix") ?? ""
    }
    if formatting { d.formatting = self.formatting() }
    if display { d.display = choice("display") }
    if quotes { d.quotes = bool("quotes") ?? false }
    if stripPeriods { d.stripPeriods = bool("strip-periods") ?? false }
    if textCase { d.textCase = choice("text-case") }
    return d
  }

  mutating func formatting() -> TextFormatting {
    TextFormatting(
      fontStyle: choice("font-style"), fontVariant: choice("font-variant"),
      fontWeight: choice("font-weight"), textDecoration: choice("text-decoration"),
      verticalAlign: choice("vertical-align"))
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
