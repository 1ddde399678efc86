extension Rendered {
  /// The entry with spaces at its very start or end moved out of the display block that holds
  /// them: ` N.d.` as the first text of a left-margin block becomes a space before the block. A
  /// display block lays out its own content, so an entry's outer spacing belongs outside it (HTML
  /// output then matches the reference processor's, which writes such spaces beside the block's
  /// `<div>`). Spaces inside the entry are left where they are.
  func movingEdgeSpacesOutOfDisplays() -> Rendered {
    let start = Self.hoist(self, atStart: true) ?? self
    return Self.hoist(start, atStart: false) ?? start
  }

  /// `node` with the spaces at one edge moved out of the display block they are in; nil when there
  /// are none (so an entry without such a block is not rebuilt).
  private static func hoist(_ node: Rendered, atStart: Bool) -> Rendered? {
    switch node {
    case .text:
      return nil
    case .styled(let formatting, let inner):
      return hoist(inner, atStart: atStart).map { .styled(formatting, $0) }
    case .sequence(var items):
      guard let index = edgeIndex(items, atStart: atStart), let moved = hoist(items[index], atStart: atStart)
      else { return nil }
      items[index] = moved
      return .sequence(items)
    case .display(let display, let inner):
      guard let (spaces, rest) = splitSpaces(inner, atStart: atStart) else { return nil }
      let moved = Rendered.display(display, rest)
      return .sequence(atStart ? [.text(spaces), moved] : [moved, .text(spaces)])
    }
  }

  /// The spaces at the start (or end) of the first (or last) text of `node`, and `node` without
  /// them; nil when there are none. Spaces are ASCII, so the text is cut on its UTF-8 bytes.
  private static func splitSpaces(_ node: Rendered, atStart: Bool) -> (String, Rendered)? {
    switch node {
    case .text(let text):
      let utf8 = text.utf8
      if atStart {
        var cut = utf8.startIndex
        while cut < utf8.endIndex, utf8[cut] == UInt8(ascii: " ") { cut = utf8.index(after: cut) }
        if cut == utf8.startIndex { return nil }
        return (String(text[..<cut]), .text(String(text[cut...])))
      }
      var cut = utf8.endIndex
      while cut > utf8.startIndex {
        let previous = utf8.index(before: cut)
        if utf8[previous] != UInt8(ascii: " ") { break }
        cut = previous
      }
      if cut == utf8.endIndex { return nil }
      return (String(text[cut...]), .text(String(text[..<cut])))
    case .sequence(var items):
      guard let index = edgeIndex(items, atStart: atStart),
        let (spaces, rest) = splitSpaces(items[index], atStart: atStart)
      else { return nil }
      items[index] = rest
      return (spaces, .sequence(items))
    case .styled(let formatting, let inner):
      return splitSpaces(inner, atStart: atStart).map { ($0.0, .styled(formatting, $0.1)) }
    case .display(let display, let inner):
      return splitSpaces(inner, atStart: atStart).map { ($0.0, .display(display, $0.1)) }
    }
  }

  /// The first (or last) item that is not empty.
  private static func edgeIndex(_ items: [Rendered], atStart: Bool) -> Int? {
    atStart ? items.firstIndex { !$0.isEmpty } : items.lastIndex { !$0.isEmpty }
  }
}
