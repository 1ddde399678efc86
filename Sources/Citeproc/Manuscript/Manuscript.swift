/// The markup a manuscript's citations and reference list are written in.
///
/// The manuscript's own text is copied as it is for `markdown`, `html` and `text` (a Markdown
/// manuscript may hold raw HTML, so `html` citations work in Markdown as well as in an HTML
/// page); `rtf` makes a whole RTF document, one paragraph per line.
public enum ManuscriptFormat: String, Sendable, Hashable, CaseIterable {
  case markdown, html, text, rtf

  /// The output format that writes citations and entries.
  public var outputFormat: any OutputFormat {
    switch self {
    case .markdown: MarkdownFormat()
    case .html: HTMLFormat()
    case .text: PlainTextFormat()
    case .rtf: RTFFormat()
    }
  }

  /// The format called `name` (`md` is `markdown`), or nil.
  public init?(name: String) {
    let lowered = name.lowercased()
    self.init(rawValue: lowered == "md" ? "markdown" : lowered)
  }
}

/// How a manuscript is rendered.
public struct ManuscriptOptions: Sendable, Hashable {
  public var format: ManuscriptFormat
  /// Keys of works listed in the reference list without being cited; `*` lists every work.
  public var nocite: [String]
  /// Unknown keys are warnings (the text shows `(key?)`) instead of errors.
  public var allowMissing: Bool

  public init(format: ManuscriptFormat = .markdown, nocite: [String] = [], allowMissing: Bool = false) {
    self.format = format
    self.nocite = nocite
    self.allowMissing = allowMissing
  }
}

/// One rendered citation of a manuscript.
public struct RenderedCitation: Sendable, Hashable {
  /// `c1`, `c2`, … in the order of the text.
  public var id: String
  /// The keys cited, as written.
  public var keys: [String]
  public var line: Int
  public var column: Int
  public var kind: ManuscriptCitation.Kind
  /// The citation as the engine rendered it (with the author for an in-text citation).
  public var rendered: Rendered
  /// `rendered` in the chosen markup.
  public var text: String
}

/// A rendered manuscript: the document, its citations and reference list, and what went wrong.
public struct ManuscriptResult: Sendable {
  /// The whole document with citations replaced and the reference list in place.
  public var document: String
  public var citations: [RenderedCitation]
  public var bibliography: [BibliographyEntry]
  /// Each bibliography entry in the chosen markup, in the order of ``bibliography``.
  public var bibliographyTexts: [String]
  /// Errors and warnings, as `file:line:column` diagnostics.
  public var diagnostics: [Diagnostic]

  /// True when some diagnostic is an error: the document should not be used.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A Markdown (or HTML) manuscript with pandoc citations.
///
/// ```swift
/// let manuscript = Manuscript(text: source, file: "paper.md")
/// let result = manuscript.render(processor: processor, references: references)
/// if result.hasErrors { … } else { print(result.document) }
/// ```
public struct Manuscript: Sendable {
  public var text: String
  public var file: String
  /// The citations, markers and syntax errors found in `text`.
  public let scan: ManuscriptScan

  public init(text: String, file: String = "<manuscript>") {
    self.text = text
    self.file = file
    self.scan = CitationScanner(file: file).scan(text)
  }

  /// Renders the citations and the reference list with `processor`.
  ///
  /// The whole document is rendered at once, so numbering, positions, disambiguation and
  /// collapsing see every citation. An in-text citation (`@key`) is the author as the style's
  /// citation writes it, then the citation without the author (`Cocksedge et al. (2011)`); in a
  /// style whose citations have no names (numeric styles), the author is the first family name
  /// (`Cocksedge et al.`, `Cocksedge and Greenfield`). A citation that starts with superscript
  /// (`bjgp`) takes the place of the spaces before it. In a note style, every citation is a
  /// footnote (a pandoc inline note `^[…]` in Markdown).
  public func render(
    processor: Processor, references: [Reference], options: ManuscriptOptions = ManuscriptOptions()
  ) -> ManuscriptResult {
    var renderer = ManuscriptRenderer(
      manuscript: self, processor: processor, references: references, options: options)
    return renderer.run()
  }
}

private struct ManuscriptRenderer {
  let manuscript: Manuscript
  let processor: Processor
  let references: [Reference]
  let options: ManuscriptOptions
  let format: any OutputFormat
  var diagnostics: [Diagnostic] = []

  init(manuscript: Manuscript, processor: Processor, references: [Reference], options: ManuscriptOptions) {
    self.manuscript = manuscript
    self.processor = processor
    self.references = references
    self.options = options
    self.format = options.format.outputFormat
    self.diagnostics = manuscript.scan.diagnostics
  }

  var file: String { manuscript.file }
  var isNoteStyle: Bool { processor.style.styleClass == .note }

  mutating func run() -> ManuscriptResult {
    if references.isEmpty {
      diagnostics.append(.error("the bibliography is empty: there are no references to cite", file: file))
    }
    // As in the engine, a later record with the same key replaces an earlier one (the engine warns).
    var byID: [String: Reference] = [:]
    for reference in references { byID[reference.id] = reference }

    // One cluster per citation that cites at least one known work.
    let citations = manuscript.scan.citations
    var clusters: [CitationCluster] = []
    var clusterOfCitation: [Int?] = []
    var missing: [[String]] = []
    var noteNumber = 0
    for citation in citations {
      var items: [CiteItem] = []
      var unknown: [String] = []
      for cite in citation.cites {
        if byID[cite.key] != nil {
          var item = cite.item
          if citation.kind == .inText { item.suppressAuthor = true }
          items.append(item)
        } else {
          unknown.append(cite.key)
          let message = "no reference with key '\(cite.key)'"
          diagnostics.append(
            options.allowMissing
              ? .warning(message, file: file, line: cite.line, column: cite.column)
              : .error(message, file: file, line: cite.line, column: cite.column))
        }
      }
      missing.append(unknown)
      if items.isEmpty {
        clusterOfCitation.append(nil)
      } else {
        if isNoteStyle { noteNumber += 1 }
        clusterOfCitation.append(clusters.count)
        clusters.append(CitationCluster(items: items, noteIndex: isNoteStyle ? noteNumber : 0))
      }
    }

    // Works listed without a citation go last, so they do not change the numbering.
    var cited = Set(clusters.flatMap { $0.items.map(\.id) })
    var extra: [CiteItem] = []
    for key in options.nocite {
      let keys = key == "*" ? references.map(\.id) : [key]
      if key != "*", byID[key] == nil {
        let message = "--nocite: no reference with key '\(key)'"
        diagnostics.append(options.allowMissing ? .warning(message, file: file) : .error(message, file: file))
        continue
      }
      for id in keys where cited.insert(id).inserted { extra.append(CiteItem(id: id)) }
    }
    if !extra.isEmpty {
      clusters.append(CitationCluster(items: extra, noteIndex: isNoteStyle ? noteNumber + 1 : 0))
    }

    var renderedClusters: [Rendered] = []
    var authors: [Rendered] = []
    var bibliography: [BibliographyEntry] = []
    if !clusters.isEmpty {
      let output = processor.render(references: references, clusters: clusters)
      renderedClusters = output.citations
      bibliography = output.bibliography
      for warning in output.warnings where !warning.message.hasPrefix("no reference with id") {
        diagnostics.append(warning)
      }
      if citations.contains(where: { $0.kind == .inText }) {
        // The same document with in-text citations as author-only cites: the same items,
        // numbers and disambiguation, so the names match the rest of the document.
        var authorClusters = clusters
        for (position, citation) in citations.enumerated() where citation.kind == .inText {
          guard let index = clusterOfCitation[position] else { continue }
          for item in authorClusters[index].items.indices {
            authorClusters[index].items[item].suppressAuthor = false
            authorClusters[index].items[item].authorOnly = true
          }
        }
        authors = processor.render(references: references, clusters: authorClusters).citations
      }
    }
    for extra in manuscript.scan.markers.dropFirst() {
      diagnostics.append(
        .warning(
          "a second reference-list marker is left as it is; the list goes at the first", file: file,
          line: extra.line))
    }

    var results: [RenderedCitation] = []
    for (position, citation) in citations.enumerated() {
      var parts: [Rendered] = []
      if let index = clusterOfCitation[position], index < renderedClusters.count {
        let main = renderedClusters[index]
        if citation.kind == .inText {
          var author = index < authors.count ? authors[index] : .empty
          if author.isEmpty, let reference = byID[citation.cites[0].key] {
            author = .text(shortAuthor(reference))
          }
          if !author.isEmpty {
            parts.append(author)
            if !Self.startsRaised(main) && !isNoteStyle { parts.append(.text(" ")) }
          }
        }
        parts.append(main)
      }
      for key in missing[position] {
        if !parts.isEmpty { parts.append(.text(" ")) }
        parts.append(.text("(\(key)?)"))
      }
      let rendered: Rendered = parts.count == 1 ? parts[0] : .sequence(parts)
      results.append(
        RenderedCitation(
          id: "c\(position + 1)", keys: citation.cites.map(\.key), line: citation.line,
          column: citation.column,
          kind: citation.kind, rendered: rendered, text: inline(rendered)))
    }

    let entryTexts = bibliography.map { format.string(for: $0.content) }
    let document = assemble(
      citations: citations, rendered: results, authors: authors, bibliography: bibliography)
    return ManuscriptResult(
      document: document, citations: results, bibliography: bibliography, bibliographyTexts: entryTexts,
      diagnostics: diagnostics)
  }

  /// `rendered` as a piece of running text. Markdown escapes what would start a list or a
  /// heading at the start of a line (`1.`, `1)`), which a citation inside a paragraph is not.
  func inline(_ rendered: Rendered) -> String {
    guard options.format == .markdown else { return format.string(for: rendered) }
    let text = format.string(for: .sequence([.text("x"), rendered]))
    return text.hasPrefix("x") ? String(text.dropFirst()) : format.string(for: rendered)
  }

  /// The first author's family name, `A and B` for two, `A et al.` for more.
  func shortAuthor(_ reference: Reference) -> String {
    for variable in ["author", "editor", "translator", "container-author"] {
      let names = (reference.nameList(variable) ?? []).filter { !$0.isEmpty }
      guard let first = names.first else { continue }
      func family(_ name: Name) -> String {
        if let literal = name.literal, !literal.isEmpty { return literal }
        let parts = [name.nonDroppingParticle, name.family ?? name.given].compactMap { $0 }.filter {
          !$0.isEmpty
        }
        return parts.joined(separator: " ")
      }
      switch names.count {
      case 1: return family(first)
      case 2: return "\(family(first)) \(processor.locale.text("and")) \(family(names[1]))"
      default: return "\(family(first)) \(processor.locale.text("et-al"))"
      }
    }
    return ""
  }

  /// Whether the first text of `rendered` is superscript.
  static func startsRaised(_ rendered: Rendered, raised: Bool = false) -> Bool {
    switch rendered {
    case .text(let text): return text.isEmpty ? false : raised
    case .sequence(let items):
      guard let first = items.first(where: { !$0.isEmpty }) else { return false }
      return startsRaised(first, raised: raised)
    case .styled(let formatting, let inner):
      let now = formatting.verticalAlign.map { $0 == .superscript } ?? raised
      return startsRaised(inner, raised: now)
    case .display(_, let inner): return startsRaised(inner, raised: raised)
    }
  }

  // MARK: the document

  func assemble(
    citations: [ManuscriptCitation], rendered: [RenderedCitation], authors: [Rendered],
    bibliography: [BibliographyEntry]
  ) -> String {
    let bytes = Array(manuscript.text.utf8)
    var pieces: [(source: Bool, text: String)] = []
    var cursor = 0
    func copy(_ end: Int) {
      guard end > cursor else { return }
      pieces.append((true, String(decoding: bytes[cursor..<end], as: UTF8.self)))
      cursor = end
    }
    let marker = manuscript.scan.markers.first
    let bibliographyText = bibliography.isEmpty ? "" : bibliographyBlock(bibliography)

    var citationIndex = 0
    func flushCitations(before end: Int) {
      while citationIndex < citations.count, citations[citationIndex].range.lowerBound < end {
        let citation = citations[citationIndex]
        copy(citation.range.lowerBound)
        let result = rendered[citationIndex]
        var text = result.text
        if citation.kind == .bracketed, Self.startsRaised(result.rendered) || isNoteStyle {
          // A superscript number (or a note mark) replaces the spaces before it.
          while let last = pieces.last, last.source, let character = last.text.last,
            character == " " || character == "\t"
          {
            pieces[pieces.count - 1].text.removeLast()
          }
        }
        if isNoteStyle {
          text = noteText(result, authors: authors)
        }
        pieces.append((false, text))
        cursor = citation.range.upperBound
        citationIndex += 1
      }
    }
    if let marker {
      flushCitations(before: marker.range.lowerBound)
      copy(marker.range.lowerBound)
      pieces.append((false, markerReplacement(marker, bibliography: bibliographyText)))
      cursor = marker.range.upperBound
    }
    flushCitations(before: bytes.count)
    copy(bytes.count)
    if marker == nil, !bibliographyText.isEmpty {
      var last = pieces.last?.text ?? ""
      if !pieces.isEmpty, !last.hasSuffix("\n") {
        pieces.append((true, "\n"))
        last = "\n"
      }
      pieces.append((false, (pieces.isEmpty ? "" : "\n") + heading() + bibliographyText))
    }
    if options.format == .rtf {
      return rtfDocument(pieces)
    }
    return pieces.map(\.text).joined()
  }

  /// A citation of a note style: a pandoc inline note in Markdown; elsewhere the note text in
  /// place (an in-text citation keeps its author in the text).
  func noteText(_ result: RenderedCitation, authors: [Rendered]) -> String {
    guard options.format == .markdown else { return result.text }
    if result.kind == .inText, case .sequence(let parts) = result.rendered, parts.count == 2 {
      return inline(parts[0]) + "^[" + inline(parts[1]) + "]"
    }
    return "^[" + result.text + "]"
  }

  func bibliographyBlock(_ entries: [BibliographyEntry]) -> String {
    var text = format.bibliography(entries, layout: processor.bibliographyLayout)
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  /// The heading of a reference list that has no marker: the locale's "references".
  func heading() -> String {
    var title = processor.locale.text("reference", plural: true)
    if title.isEmpty { title = "references" }
    title = title.prefix(1).uppercased() + title.dropFirst()
    switch options.format {
    case .markdown: return "# \(title)\n\n"
    case .html: return "<h1>\(title)</h1>\n"
    case .text: return "\(title)\n\n"
    case .rtf: return "\(title)\n"
    }
  }

  func markerReplacement(_ marker: ReferencesMarker, bibliography: String) -> String {
    switch (marker.kind, options.format) {
    case (.fencedDiv, .markdown): return "::: {#refs}\n" + bibliography + ":::"
    case (.htmlDiv, .markdown): return "<div id=\"refs\">\n\n" + bibliography + "\n</div>"
    case (.fencedDiv, .html), (.htmlDiv, .html): return "<div id=\"refs\">\n" + bibliography + "</div>"
    default:
      return bibliography.hasSuffix("\n") ? String(bibliography.dropLast()) : bibliography
    }
  }

  /// An RTF document: the manuscript's lines as paragraphs, citations in place, then the
  /// reference list's paragraphs.
  func rtfDocument(_ pieces: [(source: Bool, text: String)]) -> String {
    var body = ""
    for piece in pieces {
      if piece.source {
        body += format.string(for: .text(piece.text)).rtfParagraphs
      } else if piece.text.hasPrefix("{\\rtf1") {
        // The bibliography is a document of its own: keep its paragraphs.
        var lines = piece.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !lines.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty || last == "}" { lines.removeLast() }
        body += lines.joined(separator: "\n") + "\n"
      } else {
        body += piece.text.rtfParagraphs
      }
    }
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n" + body + "}\n"
  }
}

extension String {
  /// The string with every line break written as an RTF paragraph end.
  fileprivate var rtfParagraphs: String {
    var out = ""
    for character in self {
      if character == "\n" { out += "\\par\n" } else { out.append(character) }
    }
    return out
  }
}

extension ManuscriptResult {
  /// The citations, the bibliography entries and the diagnostics as JSON, for tools in other
  /// languages:
  ///
  /// ```json
  /// {
  ///   "citations": [{"id": "c1", "line": 3, "column": 12, "kind": "bracketed", "keys": ["a", "b"], "text": "(1,2)"}],
  ///   "bibliography": [{"id": "a", "text": "…"}],
  ///   "warnings": [{"severity": "warning", "file": "paper.md", "line": 4, "column": 2, "message": "…"}]
  /// }
  /// ```
  ///
  /// `text` is in the markup chosen in ``ManuscriptOptions/format``; `line` and `column` of a
  /// warning are `null` when unknown. `warnings` holds every diagnostic, errors included.
  public func json() -> String {
    var out = "{\n  \"citations\": ["
    for (index, citation) in citations.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out +=
        "    {\"id\": \(JSONText.quote(citation.id)), \"line\": \(citation.line), \"column\": \(citation.column)"
      out += ", \"kind\": \(JSONText.quote(citation.kind.rawValue))"
      out += ", \"keys\": [" + citation.keys.map(JSONText.quote).joined(separator: ", ") + "]"
      out += ", \"text\": \(JSONText.quote(citation.text))}"
    }
    out += citations.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"bibliography\": ["
    for (index, entry) in bibliography.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      let text = index < bibliographyTexts.count ? bibliographyTexts[index] : ""
      out += "    {\"id\": \(JSONText.quote(entry.id)), \"text\": \(JSONText.quote(text))}"
    }
    out += bibliography.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"warnings\": ["
    for (index, diagnostic) in diagnostics.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out += "    {\"severity\": \(JSONText.quote(diagnostic.severity.rawValue))"
      out += ", \"file\": \(JSONText.quote(diagnostic.file))"
      out += ", \"line\": \(diagnostic.line.map(String.init) ?? "null")"
      out += ", \"column\": \(diagnostic.column.map(String.init) ?? "null")"
      out += ", \"message\": \(JSONText.quote(diagnostic.message))}"
    }
    out += diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }
}

enum JSONText {
  /// `text` as a JSON string literal.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
