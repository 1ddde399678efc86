/// The engine's working tree, before quotes and punctuation are resolved into ``Rendered``.
///
/// Only the cases that hold one node are boxed: text and sequences, the most common nodes, are
/// stored inline.
enum Node: Sendable, Hashable {
  case text(String)
  case sequence([Node])
  indirect case styled(TextFormatting, Node)
  indirect case quoted(Node)
  indirect case display(Display, Node)
  /// Text that text-case transformations must leave alone (`<span class="nocase">`).
  indirect case noCase(Node)
  /// Marks output that came from a given part of the reference (for passes such as
  /// subsequent-author-substitute, collapsing and suppress-author).
  indirect case tagged(NodeTag, Node)

  static let empty = Node.sequence([])

  var isEmpty: Bool {
    switch self {
    case .text(let s): return s.isEmpty
    case .sequence(let items):
      // By index: the items are looked at in place, not copied out one by one.
      for index in items.indices where !items[index].isEmpty { return false }
      return true
    case .styled(_, let inner), .quoted(let inner), .display(_, let inner), .noCase(let inner),
      .tagged(_, let inner):
      return inner.isEmpty
    }
  }

  /// Whether the node is nothing at all: empty text or an empty sequence, with no tag that a
  /// later pass could look for. Leaving it out of a sequence changes nothing.
  var isBare: Bool {
    switch self {
    case .text(let s): return s.isEmpty
    case .sequence(let items): return items.isEmpty
    default: return false
    }
  }

  var plainText: String {
    var out = ""
    appendPlainText(&out)
    return out
  }

  private func appendPlainText(_ out: inout String) {
    switch self {
    case .text(let s): out += s
    case .sequence(let items): for item in items { item.appendPlainText(&out) }
    case .quoted(let inner): out += "\u{201C}"; inner.appendPlainText(&out); out += "\u{201D}"
    case .styled(_, let inner), .display(_, let inner), .noCase(let inner), .tagged(_, let inner):
      inner.appendPlainText(&out)
    }
  }

  /// Wraps in affixes and formatting the way CSL orders them: formatting applies inside the affixes
  /// (affixes are not formatted), quotes inside the affixes, display around everything.
  func decorated(_ d: Decorations, quoteAllowed: Bool = true) -> Node {
    if isEmpty { return self }
    return decorated(nonEmpty: d, quoteAllowed: quoteAllowed)
  }

  /// ``decorated(_:quoteAllowed:)`` for a node known not to be empty.
  func decorated(nonEmpty d: Decorations, quoteAllowed: Bool = true) -> Node {
    var node = self
    if d.quotes && quoteAllowed { node = .quoted(node) }
    if !d.formatting.isEmpty { node = .styled(d.formatting, node) }
    // The affixes' sequence is made at its size, with one allocation.
    if !d.prefix.isEmpty {
      node = .sequence(
        d.suffix.isEmpty ? [.text(d.prefix), node] : [.text(d.prefix), node, .text(d.suffix)])
    } else if !d.suffix.isEmpty {
      node = .sequence([node, .text(d.suffix)])
    }
    if let display = d.display { node = .display(display, node) }
    return node
  }

  /// The node with `text` added at the end of its last display block, when that block is the last
  /// thing it prints; nil otherwise.
  func appendingInsideTrailingDisplay(_ text: String) -> Node? {
    switch self {
    case .display(let display, let inner):
      return .display(display, .sequence([inner, .text(text)]))
    case .sequence(var items):
      guard let last = items.lastIndex(where: { !$0.isEmpty }),
        let inside = items[last].appendingInsideTrailingDisplay(text)
      else { return nil }
      items[last] = inside
      return .sequence(items)
    case .tagged(let tag, let inner):
      return inner.appendingInsideTrailingDisplay(text).map { .tagged(tag, $0) }
    case .text, .styled, .quoted, .noCase:
      return nil
    }
  }

  /// Finds the first node tagged `tag` (depth first).
  func first(tagged tag: NodeTag) -> Node? {
    switch self {
    case .text: return nil
    case .tagged(let t, let inner):
      if t == tag { return inner }
      return inner.first(tagged: tag)
    case .sequence(let items):
      for item in items { if let found = item.first(tagged: tag) { return found } }
      return nil
    case .styled(_, let inner), .quoted(let inner), .display(_, let inner), .noCase(let inner):
      return inner.first(tagged: tag)
    }
  }

  /// Replaces the first node tagged `tag` (depth first); returns nil when there is none.
  func replacingFirst(tagged tag: NodeTag, with transform: (Node) -> Node) -> Node? {
    switch self {
    case .text: return nil
    case .tagged(let t, let inner):
      if t == tag { return transform(inner) }
      return inner.replacingFirst(tagged: tag, with: transform).map { .tagged(t, $0) }
    case .sequence(var items):
      for index in items.indices {
        if let replaced = items[index].replacingFirst(tagged: tag, with: transform) {
          items[index] = replaced
          return .sequence(items)
        }
      }
      return nil
    case .styled(let f, let inner):
      return inner.replacingFirst(tagged: tag, with: transform).map { .styled(f, $0) }
    case .quoted(let inner):
      return inner.replacingFirst(tagged: tag, with: transform).map { .quoted($0) }
    case .display(let d, let inner):
      return inner.replacingFirst(tagged: tag, with: transform).map { .display(d, $0) }
    case .noCase(let inner):
      return inner.replacingFirst(tagged: tag, with: transform).map { .noCase($0) }
    }
  }
}

extension Node {
  /// Whether the plain text is all whitespace (or empty): `plainText.allSatisfy(\.isWhitespace)`,
  /// without building the text when a quotation mark or an ASCII character other than whitespace
  /// settles it (such a character always begins a character of its own that is not whitespace, or
  /// follows a prepended mark that is not whitespace either).
  var printsOnlyWhitespace: Bool {
    if hasVisibleASCIIOrQuote { return false }
    return plainText.allSatisfy(\.isWhitespace)
  }

  private var hasVisibleASCIIOrQuote: Bool {
    switch self {
    case .text(let s):
      return s.containsUTF8 { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }
    case .sequence(let items): return items.contains { $0.hasVisibleASCIIOrQuote }
    case .quoted: return true
    case .styled(_, let inner), .display(_, let inner), .noCase(let inner), .tagged(_, let inner):
      return inner.hasVisibleASCIIOrQuote
    }
  }

  /// The contents of every node tagged `tag`, in order (not looking inside matches).
  func all(tagged tag: NodeTag) -> [Node] {
    var found: [Node] = []
    collect(tag, into: &found)
    return found
  }

  private func collect(_ tag: NodeTag, into found: inout [Node]) {
    switch self {
    case .text: return
    case .tagged(let t, let inner):
      if t == tag { found.append(inner) } else { inner.collect(tag, into: &found) }
    case .sequence(let items): for item in items { item.collect(tag, into: &found) }
    case .styled(_, let inner), .quoted(let inner), .display(_, let inner), .noCase(let inner):
      inner.collect(tag, into: &found)
    }
  }

  /// Replaces the nodes tagged `tag` whose position (0-based, in order) satisfies `which`.
  func replacing(tagged tag: NodeTag, where which: (Int) -> Bool, with replacement: Node) -> Node {
    var counter = 0
    return replacing(tag, which, replacement, &counter)
  }

  private func replacing(_ tag: NodeTag, _ which: (Int) -> Bool, _ replacement: Node, _ counter: inout Int)
    -> Node
  {
    switch self {
    case .text: return self
    case .tagged(let t, let inner):
      if t == tag {
        defer { counter += 1 }
        return which(counter) ? replacement : self
      }
      return .tagged(t, inner.replacing(tag, which, replacement, &counter))
    case .sequence(let items): return .sequence(items.map { $0.replacing(tag, which, replacement, &counter) })
    case .styled(let f, let inner): return .styled(f, inner.replacing(tag, which, replacement, &counter))
    case .quoted(let inner): return .quoted(inner.replacing(tag, which, replacement, &counter))
    case .display(let d, let inner): return .display(d, inner.replacing(tag, which, replacement, &counter))
    case .noCase(let inner): return .noCase(inner.replacing(tag, which, replacement, &counter))
    }
  }
}

enum NodeTag: Sendable, Hashable {
  /// The first `cs:names` output of a cite or entry.
  case names
  /// One name inside a names output.
  case name
  /// The names of one variable (without its label).
  case nameList
  /// A date's year (for collapsing and year-suffix).
  case year
  case yearSuffix
  case citationNumber
  /// Output of `cs:text` for an ordinary variable in a cite (such a cite does not count as
  /// collapsed into the preceding one when delimiters are chosen).
  case textVariable
  /// Output of the layout before affixes (for collapsing).
  case cite
  /// Text parsed from markup in the data (see ``RichText``): punctuation next to its own quotation
  /// marks stays where the data put it.
  case richText
  /// A quotation opened with a curly single quote in the data: inner quotation marks when nothing
  /// encloses it.
  case innerQuote
}

/// Joins non-empty nodes with a delimiter.
func join(_ nodes: [Node], delimiter: String) -> Node {
  join(nonEmpty: nodes.filter { !$0.isEmpty }, delimiter: delimiter)
}

/// Joins nodes none of which is empty with a delimiter.
func join(nonEmpty parts: [Node], delimiter: String) -> Node {
  if parts.count <= 1 || delimiter.isEmpty { return parts.count == 1 ? parts[0] : .sequence(parts) }
  var result: [Node] = []
  result.reserveCapacity(parts.count * 2)
  for (index, part) in parts.enumerated() {
    if index > 0 { result.append(.text(delimiter)) }
    result.append(part)
  }
  return .sequence(result)
}

/// Non-empty nodes joined with a delimiter as they come: the same node as
/// ``join(nonEmpty:delimiter:)`` of them all, without an array for a single node.
struct DelimitedNodes {
  let delimiter: String
  /// How many nodes are likely to come at most (a group's children).
  let expected: Int
  private var first: Node?
  private var all: [Node] = []

  init(delimiter: String, expected: Int = 4) {
    self.delimiter = delimiter
    self.expected = expected
  }

  mutating func append(_ node: Node) {
    if all.isEmpty {
      guard let previous = first else {
        first = node
        return
      }
      // Room for every node expected and the delimiters between them, in one allocation.
      let count = max(expected, 4)
      all.reserveCapacity(delimiter.isEmpty ? count : 2 * count - 1)
      all.append(previous)
    }
    if !delimiter.isEmpty { all.append(.text(delimiter)) }
    all.append(node)
  }

  /// The joined node; nil when nothing was appended.
  var node: Node? { all.isEmpty ? first : .sequence(all) }
}
