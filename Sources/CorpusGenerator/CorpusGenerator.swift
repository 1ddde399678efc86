import CiteprocData

/// A deterministic synthetic corpus: journal articles, books, chapters, reports, web pages and theses
/// with 1 to 30 authors (particles, hyphens, non-ASCII letters), dates with and without month and
/// day, page ranges, DOIs and some abstracts.
///
/// About a fifth of the works have a first author from a small pool of prolific authors and a year in
/// 2015–2020, so author-date styles meet many works sharing an author and a year (year suffixes,
/// added names and given names).
public struct CorpusGenerator: Sendable {
  public let seed: UInt64

  public init(seed: UInt64 = 1) { self.seed = seed }

  /// `count` references with the ids `ITEM-1` … `ITEM-count`. The same seed and count give the same
  /// references; a larger count extends a smaller one.
  public func references(count: Int) -> [Reference] {
    var random = SeededGenerator(seed: seed)
    let prolific = Self.prolificAuthors(&random)
    var references: [Reference] = []
    references.reserveCapacity(count)
    for index in 0..<max(count, 0) {
      references.append(Self.reference(index: index + 1, prolific: prolific, random: &random))
    }
    return references
  }

  // MARK: One reference

  private static func reference(index: Int, prolific: [Name], random: inout SeededGenerator) -> Reference {
    let roll = random.below(100)
    let type: String
    switch roll {
    case 0..<55: type = "article-journal"
    case 55..<67: type = "book"
    case 67..<82: type = "chapter"
    case 82..<90: type = "report"
    case 90..<95: type = "webpage"
    default: type = "thesis"
    }
    var reference = ReferenceDraft()
    reference.id = "ITEM-\(index)"
    reference.type = type
    let isProlific = random.chance(20)
    var authors = (0..<authorCount(type: type, random: &random)).map { _ in name(&random) }
    if isProlific {
      authors[0] = random.pick(prolific)
      if authors.count > 1, random.chance(40) { authors[1] = random.pick(prolific) }
    }
    if type == "webpage" || type == "report", random.chance(40) {
      authors = [.literal(random.pick(Vocabulary.organizations))]
    }
    reference.names["author"] = authors
    reference.fields["title"] = title(&random, words: random.inRange(5...16))
    reference.dates["issued"] = issued(prolific: isProlific, random: &random)

    switch type {
    case "article-journal":
      let journal = random.pick(Vocabulary.journals)
      reference.fields["container-title"] = journal.0
      reference.fields["container-title-short"] = journal.1
      reference.fields["volume"] = String(random.inRange(1...400))
      if random.chance(85) { reference.fields["issue"] = String(random.inRange(1...12)) }
      reference.fields["page"] = pages(&random, articleNumbers: true)
      if random.chance(80) {
        let year = reference.dates["issued"]?.start?.year ?? 2000
        reference.fields["DOI"] =
          "10.\(random.inRange(1000...99999))/\(journal.1.filter(\.isLetter).lowercased()).\(year).\(random.inRange(1...99999))"
      }
    case "book":
      reference.fields["publisher"] = random.pick(Vocabulary.publishers)
      reference.fields["publisher-place"] = random.pick(Vocabulary.places)
      if random.chance(30) { reference.fields["edition"] = String(random.inRange(2...9)) }
      if random.chance(40) {
        reference.fields["ISBN"] = "978\(random.inRange(1_000_000_000...9_999_999_999))"
      }
    case "chapter":
      reference.names["editor"] = (0..<random.inRange(1...4)).map { _ in name(&random) }
      reference.fields["container-title"] = title(&random, words: random.inRange(3...8))
      reference.fields["publisher"] = random.pick(Vocabulary.publishers)
      reference.fields["publisher-place"] = random.pick(Vocabulary.places)
      reference.fields["page"] = pages(&random, articleNumbers: false)
    case "report":
      reference.fields["publisher"] = random.pick(Vocabulary.organizations)
      reference.fields["publisher-place"] = random.pick(Vocabulary.places)
      if random.chance(60) {
        reference.fields["number"] = "\(random.inRange(1...999))/\(random.inRange(10...25))"
      }
    case "webpage":
      reference.fields["URL"] = "https://www.example.org/\(random.inRange(1...99999))/\(index)"
      reference.dates["accessed"] = CSLDate(
        year: random.inRange(2019...2025), month: random.inRange(1...12), day: random.inRange(1...28))
    default:
      reference.fields["publisher"] = random.pick(Vocabulary.universities)
      reference.fields["publisher-place"] = random.pick(Vocabulary.places)
      reference.fields["genre"] = random.pick(Vocabulary.degrees)
    }
    if random.chance(25) {
      reference.fields["abstract"] = sentence(&random, words: random.inRange(30...90))
    }
    return reference.reference
  }

  /// Mostly small teams, with a tail up to 30 authors.
  private static func authorCount(type: String, random: inout SeededGenerator) -> Int {
    if type == "thesis" { return 1 }
    let roll = random.below(100)
    switch roll {
    case 0..<22: return 1
    case 22..<38: return 2
    case 38..<52: return 3
    case 52..<62: return 4
    case 62..<70: return 5
    case 70..<76: return 6
    case 76..<88: return random.inRange(7...10)
    case 88..<96: return random.inRange(11...20)
    default: return random.inRange(21...30)
    }
  }

  private static func name(_ random: inout SeededGenerator) -> Name {
    var name = Name()
    if random.chance(8) {
      let (particle, family) = random.pick(Vocabulary.particleFamilies)
      name.nonDroppingParticle = particle
      name.family = family
    } else if random.chance(6) {
      name.family = random.pick(Vocabulary.families) + "-" + random.pick(Vocabulary.families)
    } else {
      name.family = random.pick(Vocabulary.families)
    }
    var given = random.pick(Vocabulary.givens)
    if random.chance(35) { given += " " + String(random.pick(Vocabulary.givens).prefix(1)) + "." }
    name.given = given
    return name
  }

  private static func prolificAuthors(_ random: inout SeededGenerator) -> [Name] {
    // Forty authors sharing eight family names: disambiguation needs given names or initials.
    let families = ["Smith", "Müller", "García", "Nguyen", "O'Brien", "Sørensen", "Wang", "Patel"]
    return (0..<40).map { index in
      Name(family: families[index % families.count], given: random.pick(Vocabulary.givens))
    }
  }

  private static func issued(prolific: Bool, random: inout SeededGenerator) -> CSLDate {
    let year = prolific ? random.inRange(2015...2020) : random.inRange(1950...2025)
    guard random.chance(60) else { return CSLDate(year: year) }
    let month = random.inRange(1...12)
    return random.chance(60)
      ? CSLDate(year: year, month: month, day: random.inRange(1...28)) : CSLDate(year: year, month: month)
  }

  private static func pages(_ random: inout SeededGenerator, articleNumbers: Bool) -> String {
    if articleNumbers, random.chance(8) { return "e\(random.inRange(10000...99999))" }
    let start = random.inRange(1...2400)
    if random.chance(5) { return String(start) }
    return "\(start)-\(start + random.inRange(1...40))"
  }

  private static func title(_ random: inout SeededGenerator, words: Int) -> String {
    var text = sentence(&random, words: words)
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  private static func sentence(_ random: inout SeededGenerator, words: Int) -> String {
    var text = ""
    for index in 0..<words {
      let word = random.pick(Vocabulary.titleWords)
      if index == 0 {
        text += word.prefix(1).uppercased() + word.dropFirst()
      } else {
        text += (random.chance(6) ? ": " : " ") + word
      }
    }
    return text + "."
  }
}
