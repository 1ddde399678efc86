import CiteprocData
import CiteprocReaders
import Foundation

/// Reads fixture files of the CSL processor test suite (the human-readable format described in the
/// suite's README). Errors are ``Diagnostic`` values with the fixture file and line.
package enum FixtureParser {
  /// Reads the fixture at `path`.
  package static func load(path: String) throws(Diagnostic) -> Fixture {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .error("cannot read the fixture", file: path)
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try parse([UInt8](data), name: name, file: path)
  }

  /// The paths of all `.txt` fixtures under `directory` (subfolders included), sorted.
  package static func fixturePaths(under directory: String) -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
      return []
    }
    var paths: [String] = []
    for case let url as URL in enumerator where url.pathExtension == "txt" {
      paths.append(url.path)
    }
    return paths.sorted()
  }

  /// Parses a fixture's bytes.
  /// - Parameters:
  ///   - name: the fixture's name (its file name without `.txt`).
  ///   - file: the label used in diagnostics.
  package static func parse(_ bytes: [UInt8], name: String, file: String) throws(Diagnostic) -> Fixture {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .error("the fixture is not valid UTF-8", file: file)
    }
    let sections = try FixtureSections(text: text, file: file)
    func required(_ section: String) throws(Diagnostic) -> FixtureSections.Section {
      guard let found = sections[section] else { throw .error("missing section \(section)", file: file) }
      return found
    }

    let modeSection = try required("MODE")
    let modeText = modeSection.content.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let mode = Fixture.Mode(rawValue: modeText) else {
      throw .error("unknown MODE '\(modeText)'", file: file, line: modeSection.firstLine)
    }
    let csl = try required("CSL")
    let result = try required("RESULT")

    var input: [Reference] = []
    var inputDiagnostics: [Diagnostic] = []
    if let section = sections["INPUT"] {
      let read = CSLJSONReader().read(Array(section.content.utf8), file: file, firstLine: section.firstLine)
      if let rejected = read.rejected.first { throw rejected }
      input = read.references
      inputDiagnostics = read.diagnostics
    }

    var citationItems: [[CiteSpec]]?
    if let section = sections["CITATION-ITEMS"] {
      let root = try json(section, file: file)
      citationItems = try list(root, "CITATION-ITEMS", file: file) { (node) throws(Diagnostic) in
        try list(node, "a citation", file: file) { (cite) throws(Diagnostic) in try citeSpec(cite, file: file)
        }
      }
    }
    var citations: [CitationStep]?
    if let section = sections["CITATIONS"] {
      let root = try json(section, file: file)
      citations = try list(root, "CITATIONS", file: file) { (node) throws(Diagnostic) in
        try citationStep(node, file: file)
      }
    }

    return Fixture(
      name: name, mode: mode, csl: csl.content, cslLine: csl.firstLine, input: input,
      inputDiagnostics: inputDiagnostics, result: result.content, citationItems: citationItems,
      citations: citations, description: sections["DESCRIPTION"]?.content,
      version: sections["VERSION"]?.content.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  // MARK: - JSON sections

  private static func json(_ section: FixtureSections.Section, file: String) throws(Diagnostic) -> JSONNode {
    do {
      return try JSONParser.parse(Array(section.content.utf8), firstLine: section.firstLine)
    } catch {
      throw .error(error.message, file: file, line: error.line)
    }
  }

  private static func list<T>(
    _ node: JSONNode, _ what: String, file: String, _ element: (JSONNode) throws(Diagnostic) -> T
  ) throws(Diagnostic) -> [T] {
    guard let elements = node.value.array else {
      throw .error(
        "\(what) must be an array, found \(node.value.kindDescription)", file: file, line: node.line)
    }
    var values: [T] = []
    for item in elements { values.append(try element(item)) }
    return values
  }

  private static func citeSpec(_ node: JSONNode, file: String) throws(Diagnostic) -> CiteSpec {
    guard let members = node.value.members else {
      throw .error(
        "a cite must be an object, found \(node.value.kindDescription)", file: file, line: node.line)
    }
    guard let id = members.last("id")?.value.scalarText else {
      throw .error("a cite needs an 'id' (a string or number)", file: file, line: node.line)
    }
    var cite = CiteSpec(id: id)
    for member in members {
      let value = member.value.value
      switch member.key {
      case "id": break
      case "locator": cite.locator = try text(member, file: file)
      case "label": cite.label = try text(member, file: file)
      case "prefix": cite.prefix = try text(member, file: file)
      case "suffix": cite.suffix = try text(member, file: file)
      case "suppress-author": cite.suppressAuthor = value.isTruthy
      case "author-only": cite.authorOnly = value.isTruthy
      case "near-note": cite.nearNote = value.isTruthy ? true : nil
      case "position":
        guard let number = value.scalarText.flatMap({ Int($0) }) else {
          throw .error("'position' must be an integer", file: file, line: member.line)
        }
        cite.position = number
      default:
        throw .error("unknown cite key '\(member.key)'", file: file, line: member.line)
      }
    }
    return cite
  }

  private static func text(_ member: JSONMember, file: String) throws(Diagnostic) -> String {
    guard let text = member.value.value.scalarText else {
      throw .error(
        "'\(member.key)' must be a string or number, found \(member.value.value.kindDescription)", file: file,
        line: member.line)
    }
    return text
  }

  /// `[citation, citationsPre, citationsPost]`.
  private static func citationStep(_ node: JSONNode, file: String) throws(Diagnostic) -> CitationStep {
    guard let parts = node.value.array, parts.count == 3 else {
      throw .error(
        "a CITATIONS step must be [citation, citationsPre, citationsPost]", file: file, line: node.line)
    }
    return CitationStep(
      citation: try citation(parts[0], file: file),
      citationsPre: try list(parts[1], "citationsPre", file: file) { (pair) throws(Diagnostic) in
        try placement(pair, file: file)
      },
      citationsPost: try list(parts[2], "citationsPost", file: file) { (pair) throws(Diagnostic) in
        try placement(pair, file: file)
      })
  }

  private static func citation(_ node: JSONNode, file: String) throws(Diagnostic) -> CitationInsertion {
    guard let members = node.value.members else {
      throw .error(
        "a citation must be an object, found \(node.value.kindDescription)", file: file, line: node.line)
    }
    guard let id = members.last("citationID")?.value.scalarText else {
      throw .error("a citation needs a 'citationID'", file: file, line: node.line)
    }
    guard let itemsNode = members.last("citationItems") else {
      throw .error("a citation needs 'citationItems'", file: file, line: node.line)
    }
    let items = try list(itemsNode, "citationItems", file: file) { (cite) throws(Diagnostic) in
      try citeSpec(cite, file: file)
    }
    var noteIndex = 0
    if let properties = members.last("properties"), let note = properties.value.members?.last("noteIndex") {
      guard let number = note.value.scalarText.flatMap({ Int($0) }) else {
        throw .error("'noteIndex' must be an integer", file: file, line: note.line)
      }
      noteIndex = number
    }
    return CitationInsertion(citationID: id, items: items, noteIndex: noteIndex)
  }

  /// `["CITATION-1", 1]`.
  private static func placement(_ node: JSONNode, file: String) throws(Diagnostic) -> CitationPlacement {
    guard let pair = node.value.array, pair.count == 2, let id = pair[0].value.scalarText,
      let noteIndex = pair[1].value.scalarText.flatMap({ Int($0) })
    else {
      throw .error("a placed citation must be [\"CITATION-ID\", noteIndex]", file: file, line: node.line)
    }
    return CitationPlacement(citationID: id, noteIndex: noteIndex)
  }
}
