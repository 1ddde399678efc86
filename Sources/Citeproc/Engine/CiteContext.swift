/// What the engine knows about one cite besides the reference: its place in the document, its
/// locator and the state of disambiguation.
struct CiteContext: Sendable, Hashable {
  enum Position: Int, Sendable, Hashable, Comparable {
    case first = 0
    case subsequent = 1
    case ibid = 2
    case ibidWithLocator = 3

    static func < (a: Position, b: Position) -> Bool { a.rawValue < b.rawValue }
  }

  var position = Position.first
  var nearNote = false
  var locator: String?
  var label: String?
  var citationNumber: Int?
  var firstReferenceNoteNumber: Int?
  var yearSuffix: String?
  /// Set once disambiguation decides the `disambiguate="true"` condition should hold.
  var disambiguate = false
  /// How many of the `disambiguate="true"` tests that a rendering makes hold, in the order it makes
  /// them, while `disambiguate` is set: disambiguation switches them on one at a time.
  var disambiguateTests = Int.max
  /// Extra names shown beyond et-al-use-first (add-names).
  var extraNames = 0
  /// Per-name given-name expansion levels (add-givenname), keyed by name-list position.
  var givennameLevels = GivennameLevels()

  /// Sets the cite's locator and label. A locator without a label that starts with a locator term
  /// (`vol. 1`) takes the term's type as its label and loses the term.
  mutating func setLocator(_ locator: String?, label: String?, embeddedLabels: EmbeddedLocatorLabels) {
    self.locator = locator
    self.label = label
    guard label == nil, let locator, let (type, rest) = embeddedLabels.leadingLabel(of: locator) else {
      return
    }
    self.locator = rest
    self.label = type
  }
}

enum RenderMode: Sendable, Hashable {
  case citation
  case bibliography
  /// Rendering a sort key: names come out in sort order, dates as sortable strings.
  case sortKey
}
