/// A document's citations, kept up to date one citation at a time, the way citeproc-js serves
/// word processors: add or change a citation, given the citations before and after it, and get
/// back every citation whose text changed (numbers, `ibid.`, year suffixes and disambiguation
/// may change elsewhere in the document).
///
/// Every change renders the whole document again and compares the results, so a change costs a
/// full rendering.
///
/// ```swift
/// var document = CitationDocument(processor: processor, references: references, format: .html)
/// let updates = document.set(CitationCluster(items: [CiteItem(id: "a")]), id: "c2", before: ["c1"], after: [])
/// for update in updates { replace(update.id, with: update.text) }
/// ```
public struct CitationDocument: Sendable {
  /// A citation with the id the caller gave it.
  public struct Entry: Sendable, Hashable {
    public var id: String
    public var cluster: CitationCluster
  }

  /// A citation whose text changed: its id, its place in the document and its new text.
  public struct Update: Sendable, Hashable {
    public var id: String
    public var index: Int
    public var rendered: Rendered
    /// `rendered` in the document's format.
    public var text: String
  }

  public let processor: Processor
  public private(set) var references: [Reference]
  public let format: ManuscriptFormat
  /// The citations in document order.
  public private(set) var entries: [Entry] = []
  /// The rendering of the current citations.
  public private(set) var output = DocumentOutput(citations: [], bibliography: [], warnings: [])

  public init(processor: Processor, references: [Reference], format: ManuscriptFormat = .html) {
    self.processor = processor
    self.references = references
    self.format = format
  }

  /// Sets the citation `id` to `cluster`, with the document's citations now being `before`,
  /// `id` and `after` (ids; citations not named are removed, unknown ids are ignored). Returns
  /// every citation whose text is new or changed, in document order.
  public mutating func set(_ cluster: CitationCluster, id: String, before: [String], after: [String])
    -> [Update]
  {
    var known: [String: CitationCluster] = [:]
    for entry in entries { known[entry.id] = entry.cluster }
    known[id] = cluster
    var order: [Entry] = []
    var seen = Set<String>()
    for name in before + [id] + after where seen.insert(name).inserted {
      if let found = known[name] { order.append(Entry(id: name, cluster: found)) }
    }
    return replace(order)
  }

  /// Inserts a citation after the citation `after` (at the start when nil).
  public mutating func insert(_ cluster: CitationCluster, id: String, after: String?) -> [Update] {
    let ids = entries.map(\.id).filter { $0 != id }
    let split = after.flatMap { ids.firstIndex(of: $0).map { $0 + 1 } } ?? 0
    return set(cluster, id: id, before: Array(ids[..<split]), after: Array(ids[split...]))
  }

  /// Removes the citation `id`; returns the citations whose text changed.
  public mutating func remove(id: String) -> [Update] {
    replace(entries.filter { $0.id != id })
  }

  /// Replaces the references (for example after the user edited one); returns the citations
  /// whose text changed.
  public mutating func setReferences(_ references: [Reference]) -> [Update] {
    self.references = references
    return replace(entries, force: true)
  }

  /// The bibliography of the cited works, in the document's format.
  public var bibliographyText: String {
    format.outputFormat.bibliography(output.bibliography, layout: processor.bibliographyLayout)
  }

  private mutating func replace(_ newEntries: [Entry], force: Bool = false) -> [Update] {
    var previous: [String: Rendered] = [:]
    for (entry, rendered) in zip(entries, output.citations) { previous[entry.id] = rendered }
    let isNote = processor.style.styleClass == .note
    var numbered = newEntries
    if isNote {
      for index in numbered.indices where numbered[index].cluster.noteIndex == 0 {
        numbered[index].cluster.noteIndex = index + 1
      }
    }
    entries = newEntries
    output = processor.render(references: references, clusters: numbered.map(\.cluster))
    let writer = format.outputFormat
    var updates: [Update] = []
    for (index, (entry, rendered)) in zip(entries, output.citations).enumerated()
    where force || previous[entry.id] != rendered {
      updates.append(
        Update(id: entry.id, index: index, rendered: rendered, text: writer.string(for: rendered)))
    }
    return updates
  }
}
