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
      let (spaces, rest) = splitSpaces(inner, atStart: atStart)
      if spaces.isEmpty { return nil }
      let moved = Rendered.display(display, rest)
      return .sequence(atStart ? [.text(spaces), moved] : [moved, .text(spaces)])
    }
  }

  /// The spaces at the start (or end) of the first (or last) text of `node`, and `node` without them.
  private static func splitSpaces(_ node: Rendered, atStart: Bool) -> (String, Rendered) {
    switch node {
    case .text(let text):
      if atStart {
        let spaces = text.prefix(while: { $0 == " " })
        return (String(spaces), .text(String(text.dropFirst(spaces.count))))
      }
      let kept = text.reversed().drop(while: { $0 == " " }).count
      return (String(text.dropFirst(kept)), .text(String(text.prefix(kept))))
    case .sequence(var items):
      guard let index = edgeIndex(items, atStart: atStart) else { return ("", node) }
      let (spaces, rest) = splitSpaces(items[index], atStart: atStart)
      items[index] = rest
      return (spaces, .sequence(items))
    case .styled(let formatting, let inner):
      let (spaces, rest) = splitSpaces(inner, atStart: atStart)
      return (spaces, .styled(formatting, rest))
    case .display(let display, let inner):
      let (spaces, rest) = splitSpaces(inner, atStart: atStart)
      return (spaces, .display(display, rest))
    }
  }

  /// The first (or last) item that is not empty.
  private static func edgeIndex(_ items: [Rendered], atStart: Bool) -> Int? {
    atStart ? items.firstIndex { !$0.isEmpty } : items.lastIndex { !$0.isEmpty }
  }
}
