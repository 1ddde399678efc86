/// Turns the engine's ``Node`` tree into ``Rendered``: resolves quotation marks (alternating outer
/// and inner quotes), flips nested italics/bold/small caps back to normal, moves periods and commas
/// inside closing quotes where the locale wants it, and removes doubled punctuation where pieces meet.
struct Finisher {
  let locale: Locale

  private enum Wrapper: Equatable {
    case styled(TextFormatting, id: Int)
    case display(Display, id: Int)

    var id: Int {
      switch self {
      case .styled(_, let id), .display(_, let id): return id
      }
    }
  }

  private enum RunKind: Equatable {
    case text
    case openQuote
    case closeQuote
  }

  private struct Run {
    var text: String
    var path: [Wrapper]
    var kind: RunKind
  }

  private struct State {
    var runs: [Run] = []
    var path: [Wrapper] = []
    var nextID = 0
    var italic = false
    var bold = false
    var smallCaps = false
    var quoteDepth = 0
  }

  func finish(_ node: Node) -> Rendered {
    var state = State()
    flatten(node, &state)
    var runs = state.runs.filter { !$0.text.isEmpty }
    fixPunctuation(&runs)
    return build(runs[...], depth: 0)
  }

  private func flatten(_ node: Node, _ state: inout State) {
    switch node {
    case .text(let s):
      if !s.isEmpty { state.runs.append(Run(text: s, path: state.path, kind: .text)) }
    case .sequence(let items):
      for item in items { flatten(item, &state) }
    case .noCase(let inner), .tagged(_, let inner):
      flatten(inner, &state)
    case .quoted(let inner):
      if inner.isEmpty { return }
      let outer = state.quoteDepth % 2 == 0
      let open = locale.text(outer ? "open-quote" : "open-inner-quote")
      let close = locale.text(outer ? "close-quote" : "close-inner-quote")
      state.runs.append(Run(text: open.isEmpty ? "\u{201C}" : open, path: state.path, kind: .openQuote))
      state.quoteDepth += 1
      flatten(inner, &state)
      state.quoteDepth -= 1
      state.runs.append(Run(text: close.isEmpty ? "\u{201D}" : close, path: state.path, kind: .closeQuote))
    case .display(let display, let inner):
      state.nextID += 1
      state.path.append(.display(display, id: state.nextID))
      flatten(inner, &state)
      state.path.removeLast()
    case .styled(var formatting, let inner):
      let saved = (state.italic, state.bold, state.smallCaps)
      if let style = formatting.fontStyle {
        if style == .italic || style == .oblique {
          if state.italic { formatting.fontStyle = .normal }
          state.italic = !state.italic
        } else {
          if !state.italic { formatting.fontStyle = nil }
          state.italic = false
        }
      }
      if let weight = formatting.fontWeight {
        if weight == .bold {
          if state.bold { formatting.fontWeight = .normal }
          state.bold = !state.bold
        } else if weight == .normal {
          if !state.bold { formatting.fontWeight = nil }
          state.bold = false
        }
      }
      if let variant = formatting.fontVariant {
        if variant == .smallCaps {
          if state.smallCaps { formatting.fontVariant = .normal }
          state.smallCaps = !state.smallCaps
        } else {
          if !state.smallCaps { formatting.fontVariant = nil }
          state.smallCaps = false
        }
      }
      if formatting.isEmpty {
        flatten(inner, &state)
      } else {
        state.nextID += 1
        state.path.append(.styled(formatting, id: state.nextID))
        flatten(inner, &state)
        state.path.removeLast()
      }
      (state.italic, state.bold, state.smallCaps) = saved
    }
  }

  private static let terminal: Set<Character> = [".", "?", "!"]

  private func fixPunctuation(_ runs: inout [Run]) {
    guard runs.count > 1 else { return }
    // Doubled punctuation where two runs meet.
    var index = 1
    while index < runs.count {
      let left = runs[index - 1]
      guard let last = left.text.last, let first = runs[index].text.first else {
        index += 1
        continue
      }
      if first == "." && Self.terminal.contains(last) {
        runs[index].text.removeFirst()
      } else if first == last && (first == "," || first == ";" || first == ":" || first == " ") && left.kind == .text
      {
        runs[index].text.removeFirst()
      } else if left.kind == .closeQuote && (first == "." || first == ",") && locale.punctuationInQuote {
        // Move a period or comma inside the closing quote(s); "Why?" followed by "." keeps only "?".
        runs[index].text.removeFirst()
        var inner = index - 1
        while inner > 0 && runs[inner].kind == .closeQuote { inner -= 1 }
        let before = runs[inner].text.last
        if !(first == "." && before.map(Self.terminal.contains) == true) && !(before == first) {
          runs.insert(Run(text: String(first), path: runs[inner + 1].path, kind: .text), at: inner + 1)
          index += 1
        }
      }
      if runs[index].text.isEmpty {
        runs.remove(at: index)
      } else {
        index += 1
      }
    }
  }

  private func build(_ runs: ArraySlice<Run>, depth: Int) -> Rendered {
    var items: [Rendered] = []
    var index = runs.startIndex
    var pendingText = ""
    while index < runs.endIndex {
      let run = runs[index]
      if run.path.count <= depth {
        pendingText += run.text
        index += 1
        continue
      }
      if !pendingText.isEmpty {
        items.append(.text(pendingText))
        pendingText = ""
      }
      let wrapper = run.path[depth]
      var end = index + 1
      while end < runs.endIndex && runs[end].path.count > depth && runs[end].path[depth].id == wrapper.id {
        end += 1
      }
      let inner = build(runs[index..<end], depth: depth + 1)
      switch wrapper {
      case .styled(let formatting, _): items.append(.styled(formatting, inner))
      case .display(let display, _): items.append(.display(display, inner))
      }
      index = end
    }
    if !pendingText.isEmpty { items.append(.text(pendingText)) }
    return items.count == 1 ? items[0] : .sequence(items)
  }
}
