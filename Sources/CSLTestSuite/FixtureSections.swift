import CiteprocData

/// The named sections of a fixture file. A section opens with a line `>>=+ NAME =+>>` and closes with
/// `<<=+ NAME =+<<`; its content is the lines in between, without the last line break. Everything
/// outside sections is commentary. Lines that only look like delimiters (such as `>>==== NAME ====`
/// without the arrows) are commentary too.
package struct FixtureSections: Sendable {
  package struct Section: Sendable, Hashable {
    package var content: String
    /// The line of the first content line (the line after the opening delimiter).
    package var firstLine: Int

    package init(content: String, firstLine: Int) {
      self.content = content
      self.firstLine = firstLine
    }
  }

  package private(set) var sections: [String: Section] = [:]
  /// Section names in the order they appear.
  package private(set) var order: [String] = []

  package subscript(name: String) -> Section? { sections[name] }

  /// Splits a fixture's text into sections. Throws for an unclosed or repeated section.
  package init(text: String, file: String) throws(Diagnostic) {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    var open: (name: String, line: Int)?
    var content: [Substring] = []
    for (index, line) in lines.enumerated() {
      let lineNumber = index + 1
      if let current = open {
        if Self.delimiter(line, opening: false) == current.name {
          guard sections[current.name] == nil else {
            throw .error("section \(current.name) appears twice", file: file, line: current.line)
          }
          sections[current.name] = Section(
            content: content.joined(separator: "\n"), firstLine: current.line + 1)
          order.append(current.name)
          open = nil
          content = []
        } else {
          content.append(line)
        }
      } else if let name = Self.delimiter(line, opening: true) {
        open = (name, lineNumber)
      }
    }
    if let current = open {
      throw .error("section \(current.name) is not closed", file: file, line: current.line)
    }
  }

  /// The section name of a delimiter line: `>>=+ NAME =+>>` when opening, `<<=+ NAME =+<<` when closing.
  private static func delimiter(_ line: Substring, opening: Bool) -> String? {
    let arrows = opening ? ">>" : "<<"
    var rest = line
    if rest.last == "\r" { rest = rest.dropLast() }
    guard rest.hasPrefix(arrows), rest.hasSuffix(arrows), rest.count > 4 else { return nil }
    rest = rest.dropFirst(2).dropLast(2)
    let leading = rest.prefix(while: { $0 == "=" })
    let trailing = rest.reversed().prefix(while: { $0 == "=" })
    guard !leading.isEmpty, !trailing.isEmpty, leading.count + trailing.count < rest.count else { return nil }
    rest = rest.dropFirst(leading.count).dropLast(trailing.count)
    guard rest.first == " ", rest.last == " " else { return nil }
    let name = rest.dropFirst().dropLast()
    guard !name.isEmpty, name.allSatisfy({ ($0.isASCII && $0.isUppercase) || $0 == "-" }) else { return nil }
    return String(name)
  }
}
