import CiteprocData

/// Turns one tokenised RIS record into a ``Reference`` (without its final id).
struct RISRecordMapper: Sendable {
  struct Mapped: Sendable {
    var reference: Reference
    /// The record's own `ID` value, if any.
    var explicitID: String?
    var diagnostics: [Diagnostic]
    /// ``ReferenceKeys/base(for:)`` of the reference, worked out here (in parallel with other
    /// records) when it has no `ID` and so certainly needs a generated key.
    var keyBase: String? = nil
  }

  enum Outcome: Sendable {
    case mapped(Mapped)
    case rejected(Diagnostic, warnings: [Diagnostic])
  }

  let file: String
  /// Applied to each mapped reference (see ``RISReader/transform``).
  var transform: (@Sendable (Reference) -> Reference)? = nil

  /// The record mapped, its long repeated values taken from `sharing` (see ``SharedValues``).
  func map(_ record: RISRecord, sharing: SharedValues?) -> Outcome {
    var builder = Builder(record: record, file: file)
    builder.build()
    sharing?.share(&builder.fields)
    guard builder.isUsable else {
      let error = Diagnostic.error(
        "record has no title, author, date or other citable data; skipped", file: file,
        line: record.line)
      return .rejected(error, warnings: builder.diagnostics)
    }
    let reference = Reference(
      id: "", type: builder.type, fields: builder.fields, names: builder.names, dates: builder.dates)
    // The key base comes from the reference as read; with a transform it is worked out for every
    // reference, since a record whose ID is shared needs one too.
    let needsKeyBase = builder.explicitID == nil || transform != nil
    return .mapped(
      Mapped(
        reference: transform.map { $0(reference) } ?? reference, explicitID: builder.explicitID,
        diagnostics: builder.diagnostics, keyBase: needsKeyBase ? ReferenceKeys.base(for: reference) : nil))
  }
}

/// The mapping state of one record.
private struct Builder {
  let record: RISRecord
  let file: String
  let code: String
  let roles: RISTypeRoles
  var type: String
  var fields: VariableMap<String> = VariableMap()
  var names: VariableMap<[Name]> = VariableMap()
  var dates: VariableMap<CSLDate> = VariableMap()
  var diagnostics: [Diagnostic] = []
  var explicitID: String?

  init(record: RISRecord, file: String) {
    self.record = record
    self.file = file
    fields.reserveCapacity(12)
    if let known = RISTypeRoles.known(record.typeValue) {
      code = known.code
      roles = known.roles
      type = known.cslType
      return
    }
    let resolved = RISTypeTable.resolve(record.typeValue)
    code = resolved.code
    roles = RISTypeRoles.roles(for: resolved.code)
    type = resolved.cslType
    if let warning = resolved.warning {
      diagnostics.append(.warning(warning, file: file, line: record.line))
    }
  }

  var isUsable: Bool {
    if names.contains(where: { !$0.value.isEmpty }) { return true }
    if dates["issued"] != nil { return true }
    let citable = [
      "title", "title-short", "container-title", "container-title-short", "collection-title", "DOI",
      "URL", "ISBN", "ISSN", "publisher", "abstract", "volume", "page", "number",
    ]
    return citable.contains { fields[$0] != nil }
  }

  mutating func set(_ variable: String, _ value: String?) {
    guard let value = value?.trimmingBlanks(), !value.isEmpty else { return }
    // Inserts the value when the variable has none and keeps an existing one, with one lookup.
    Self.keep(&fields[variable, default: value])
  }

  /// ``set(_:_:)``, returning whether the variable has a value afterwards.
  mutating func setting(_ variable: String, _ value: String) -> Bool {
    let value = value.trimmingBlanks()
    guard !value.isEmpty else { return fields[variable] != nil }
    Self.keep(&fields[variable, default: value])
    return true
  }

  private static func keep(_ value: inout String) {}

  mutating func build() {
    mapTitles()
    mapNames()
    mapContainers()
    mapNumbers()
    mapPublication()
    mapIdentifiers()
    mapDates()
    mapText()
    refineType()
  }

  // MARK: Titles and names

  mutating func mapTitles() {
    set("title", record.first(code: RISTagCode.TI, RISTagCode.T1, RISTagCode.CT))
    if roles.pageCount { set("title", record.first(code: RISTagCode.BT)) }
    set("title-short", record.first(code: RISTagCode.ST))
    set("original-title", record.first(code: RISTagCode.OP))
    set("reviewed-title", record.first(code: RISTagCode.RI))
  }

  mutating func mapNames() {
    var publishers: [String] = []
    // Names of one variable in a row are collected before they go into the dictionary.
    var variable = ""
    var run: [Name] = []
    // The variable of the last name tag seen, reused while the same tag repeats.
    var lastCode: UInt16 = 0
    var lastVariable: String?
    let entries = record.entries
    for position in entries.indices {
      let entry = entries[position]
      guard RISTagRoles.isNameTag(entry.code) else { continue }
      if entry.code == RISTagCode.A3 && code == "RPRT" {
        publishers.append(contentsOf: entry.lines)
        continue
      }
      if entry.code != lastCode {
        lastCode = entry.code
        lastVariable = RISTagRoles.nameVariable(tagCode: entry.code, code: code)
      }
      guard let entryVariable = lastVariable else { continue }
      if entryVariable != variable {
        flush(variable, &run)
        variable = entryVariable
      }
      if run.isEmpty {
        // Room for one name per entry of this tag that follows in a row.
        var end = position + 1
        while end < entries.count && entries[end].code == entry.code { end += 1 }
        run.reserveCapacity(end - position)
      }
      if entry.continuation.isEmpty {
        RISNameParser.parse(entry.valueBytes, into: &run)
      } else {
        for line in entry.lines { RISNameParser.parse(line, into: &run) }
      }
    }
    flush(variable, &run)
    if !publishers.isEmpty && record.first(code: RISTagCode.PB) == nil {
      set("publisher", publishers.joined(separator: "; "))
    }
  }

  /// Appends a run of names to its variable, handing the run's storage over when the variable has
  /// no names yet; leaves `run` empty.
  private mutating func flush(_ variable: String, _ run: inout [Name]) {
    guard !run.isEmpty else { return }
    Self.move(&run, to: &names[variable, default: []])
  }

  private static func move(_ run: inout [Name], to list: inout [Name]) {
    if list.isEmpty {
      swap(&list, &run)
    } else {
      list.append(contentsOf: run)
    }
    run = []
  }

  mutating func mapContainers() {
    let t2 = record.first(code: RISTagCode.T2)
    var full: String?
    switch roles.secondaryTitle {
    case .container:
      full = t2
    case .collection:
      set("collection-title", t2)
      set(RISTagRoles.tertiaryTitleVariable(code), record.first(code: RISTagCode.T3))
      return
    case .conference:
      if let conference = record.first(code: RISTagCode.CP) {
        full = t2
        set("event-title", conference)
      } else if let proceedings = record.first(code: RISTagCode.C3) {
        full = proceedings
        set("event-title", t2)
      } else {
        full = t2
        set("event-title", t2)
      }
    case .ignored:
      set(RISTagRoles.tertiaryTitleVariable(code), record.first(code: RISTagCode.T3))
      return
    }
    if full == nil { full = record.first(code: RISTagCode.JF) }
    if full == nil, code == "CHAP" || code == "ECHAP" { full = record.first(code: RISTagCode.BT) }
    var short = record.first(code: RISTagCode.JA, RISTagCode.J1, RISTagCode.J2)
    if let journal = record.first(code: RISTagCode.JO) {
      if full == nil {
        full = journal
      } else if let full, full.lowercased() != journal.lowercased(), short == nil {
        short = journal
      }
    }
    if short == nil { short = record.first(code: RISTagCode.JI, RISTagCode.J9) }
    if full == nil { full = short }
    set("container-title", full)
    set("container-title-short", short)
    set(RISTagRoles.tertiaryTitleVariable(code), record.first(code: RISTagCode.T3))
  }

  // MARK: Numbers

  mutating func mapNumbers() {
    let start = record.first(code: RISTagCode.SP)
    let end = record.first(code: RISTagCode.EP, RISTagCode.LP)
    if roles.pageCount, let start, !RISFieldValues.isRange(start) {
      set("number-of-pages", start)
    } else {
      set("page", RISFieldValues.pages(start: start, end: end))
    }
    if !roles.volumeIgnored {
      set("volume", record.first(code: RISTagCode.VL, RISTagCode.VO).map(RISFieldValues.volume))
    }
    if roles.issueIsVolumes {
      set("number-of-volumes", record.first(code: RISTagCode.IS))
    } else {
      set("issue", record.first(code: RISTagCode.IS))
    }
    let m1 = record.first(code: RISTagCode.M1)
    switch code {
    case "BOOK", "EBOOK", "EDBOOK": set("collection-number", m1)
    case "RPRT", "THES", "PAT", "BILL", "UNBILL": set("number", m1)
    case "CHAP", "ECHAP":
      if let m1, m1 != "0", isNumberLike(m1) { set("number-of-volumes", m1) }
    case "WEB", "ELEC":
      if dates["accessed"] == nil, let m1, let date = RISDateParser.parse(m1)?.cslDate {
        dates["accessed"] = date
      }
    default:
      if roles.journalLike || code == "GEN" || code == "CONF" || code == "CPAPER",
        let m1, isNumberLike(m1)
      {
        set("issue", m1)
      }
    }
    if roles.journalLike || code == "GEN" {
      if let article = record.first(code: RISTagCode.C7) {
        set("number", article)
        set("page", article)
      }
    }
    if code == "CHAP" || code == "ECHAP" {
      set("chapter-number", record.first(code: RISTagCode.SE))
      set("section", record.first(code: RISTagCode.C1))
    }
    if code == "NEWS" { set("section", record.first(code: RISTagCode.SE)) }
    set("number-of-volumes", record.first(code: RISTagCode.NV))
    if roles.editionIsEpubDate {
      if let epub = record.first(code: RISTagCode.ET), let date = RISDateParser.parse(epub)?.cslDate {
        dates["available-date"] = date
      }
    } else {
      set("edition", record.first(code: RISTagCode.ET))
    }
  }

  private func isNumberLike(_ text: String) -> Bool {
    text.count <= 12 && text.contains(where: { $0.isNumber })
      && text.allSatisfy({ $0.isNumber || "-/ ".contains($0) })
  }

  // MARK: Publication

  mutating func mapPublication() {
    let publisher = record.first(code: RISTagCode.PB, RISTagCode.PU)
    set(code == "MANSCPT" ? "archive" : "publisher", publisher)
    if code == "CONF" || code == "CPAPER" {
      set("event-place", record.first(code: RISTagCode.CY))
      if record.first(code: RISTagCode.CP) == nil {
        set("publisher-place", record.first(code: RISTagCode.C1))
      }
    } else {
      set("publisher-place", record.first(code: RISTagCode.CY, RISTagCode.PI, RISTagCode.PP))
    }
    if roles.genreFromM3, let m3 = record.first(code: RISTagCode.M3),
      RISFieldValues.doi(in: m3) == nil
    {
      set("genre", m3)
    }
    if code == "INPR" { set("status", "in press") }
  }

  // MARK: Identifiers and links

  /// Tags searched for a DOI after DO, in order.
  private static let doiTags = [RISTagCode.M3, RISTagCode.N1, RISTagCode.L3, RISTagCode.DI]
  private static let linkTags = [RISTagCode.LK, RISTagCode.L1, RISTagCode.L2, RISTagCode.L3, RISTagCode.L4]
  private static let userTags = [RISTagCode.U1, RISTagCode.U2, RISTagCode.U3, RISTagCode.U4, RISTagCode.U5]
  private static let noteTags = [RISTagCode.N1, RISTagCode.RN]

  mutating func mapIdentifiers() {
    // Whether "DOI" is set, kept up to date after each attempt to set it.
    var hasDOI = fields["DOI"] != nil
    for entry in record.entries(code: RISTagCode.DO) {
      if let doi = RISFieldValues.doi(in: entry.text) {
        hasDOI = setting("DOI", doi)
        break
      }
    }
    for tag in Self.doiTags where !hasDOI {
      for entry in record.entries(code: tag) {
        if let doi = RISFieldValues.doi(in: entry.text) {
          hasDOI = setting("DOI", doi)
          break
        }
      }
    }
    // The URLs of the UR entries, worked out once for both uses below.
    let urURLs =
      record.mayHave(RISTagCode.UR)
      ? RISFieldValues.urls(in: record.entries(code: RISTagCode.UR).flatMap(\.lines)) : []
    if !hasDOI {
      for url in urURLs {
        if let doi = RISFieldValues.doi(fromURL: url) {
          set("DOI", doi)
          break
        }
      }
    }
    var urls = urURLs
    if urls.isEmpty,
      record.mayHave(RISTagCode.LK) || record.mayHave(RISTagCode.L1) || record.mayHave(RISTagCode.L2)
        || record.mayHave(RISTagCode.L3) || record.mayHave(RISTagCode.L4)
    {
      urls = RISFieldValues.urls(
        in: record.entries(codes: Self.linkTags)
          .flatMap(\.lines))
    }
    set("URL", urls.first)

    var serials = record.entries(code: RISTagCode.SN).flatMap(\.lines)
    if roles.serialIsNumber {
      set("number", serials.first)
      serials.removeAll()
    }
    for value in serials {
      for number in RISFieldValues.standardNumbers(in: value) {
        switch number {
        case .issn(let issn): set("ISSN", issn)
        case .isbn(let isbn): set("ISBN", isbn)
        case .other(let text):
          set(roles.serialIsISBN ? "ISBN" : "ISSN", text)
        }
      }
    }

    explicitID = record.first(code: RISTagCode.ID)
    set("call-number", record.first(code: RISTagCode.CN))
    set("citation-label", record.first(code: RISTagCode.LB))
    let mayHaveU =
      record.mayHave(RISTagCode.U1) || record.mayHave(RISTagCode.U2) || record.mayHave(RISTagCode.U3)
      || record.mayHave(RISTagCode.U4) || record.mayHave(RISTagCode.U5)
    for entry in mayHaveU
      ? record.entries(codes: Self.userTags)
      : []
    {
      let text = entry.text
      let lower = text.lowercased()
      if lower.hasSuffix("[pmid]") { set("PMID", String(text.dropLast(6))) }
      if lower.hasSuffix("[pmcid]") { set("PMCID", String(text.dropLast(7))) }
    }
    if roles.journalLike, let pmcid = record.first(code: RISTagCode.C2),
      pmcid.hasPrefix("PMC")
    {
      set("PMCID", pmcid)
    }
    if let database = record.first(code: RISTagCode.DB), database.lowercased() == "pubmed",
      let accession = record.first(code: RISTagCode.AN),
      accession.allSatisfy(\.isNumber)
    {
      set("PMID", accession)
    }
    if let accession = record.first(code: RISTagCode.AN), accession.hasPrefix("PMC"),
      accession.dropFirst(3).allSatisfy(\.isNumber)
    {
      set("PMCID", accession)
    }
  }

  // MARK: Dates

  mutating func mapDates() {
    let daValue = record.first(code: RISTagCode.DA).flatMap(RISDateParser.parse)
    let daIsAccess = roles.dateIsAccessed
    var issued: RISDateParser.Value?
    if !daIsAccess, let daValue, daValue.hasYear {
      issued = daValue
    } else if var base = preferredDate(RISTagCode.PY) ?? preferredDate(RISTagCode.Y1) {
      if !daIsAccess, let daValue, !daValue.hasYear, base.month == nil, daValue.month != nil {
        base.month = daValue.month
        base.day = daValue.day
      }
      issued = base
    }
    if let date = issued?.cslDate {
      dates["issued"] = date
    } else if let text = record.first(code: RISTagCode.PY, RISTagCode.Y1, RISTagCode.DA),
      !daIsAccess || record.first(code: RISTagCode.PY, RISTagCode.Y1) != nil
    {
      diagnostics.append(
        .warning(
          "could not read a publication year from \"\(text)\"", file: file,
          line: record.entries(codes: [RISTagCode.PY, RISTagCode.Y1, RISTagCode.DA]).first?.line
            ?? record.line))
    }
    if let accessed = record.first(code: RISTagCode.Y2).flatMap(RISDateParser.parse)?.cslDate {
      dates["accessed"] = accessed
    } else if daIsAccess, let date = daValue?.cslDate {
      dates["accessed"] = date
    }
  }

  /// The first value of `tag` with a year, skipping `received`/`accepted` history dates when another
  /// value has a year.
  private func preferredDate(_ tag: UInt16) -> RISDateParser.Value? {
    guard record.mayHave(tag) else { return nil }
    // The first value with a year that is not a history date, else the first value with a year.
    var firstWithYear: RISDateParser.Value?
    for entry in record.entries where entry.code == tag {
      guard let value = RISDateParser.parse(entry.text), value.hasYear else { continue }
      guard let qualifier = value.qualifier, RISDateParser.nonPublicationQualifiers.contains(qualifier) else {
        return value
      }
      if firstWithYear == nil { firstWithYear = value }
    }
    return firstWithYear
  }

  // MARK: Text

  private static let abstractPlaceholders: Set<String> = [
    "na", "n/a", "abstract", "no abstract", "no abstract available",
  ]

  mutating func mapText() {
    for tag in [RISTagCode.N2, RISTagCode.AB] where record.mayHave(tag) && fields["abstract"] == nil {
      for entry in record.entries(code: tag) {
        let text = entry.text
        // More than 24 characters, without counting all of a long abstract.
        if !text.dropFirst(24).isEmpty || !Self.abstractPlaceholders.contains(text.lowercased()) {
          set("abstract", text)
          break
        }
      }
    }
    let notes = record.entries(codes: Self.noteTags).map { $0.lines.joined(separator: "\n") }
      .filter {
        !$0.isEmpty
      }
    if !notes.isEmpty { set("note", notes.joined(separator: "\n")) }
    let keywordEntries = record.entries(code: RISTagCode.KW)
    let keywords = RISFieldValues.keywords(keywordEntries, splitOnCommas: keywordEntries.count == 1)
    if !keywords.isEmpty { set("keyword", keywords.joined(separator: ", ")) }
    set("language", record.first(code: RISTagCode.LA))
    set("source", record.first(code: RISTagCode.DB, RISTagCode.DP))
  }

  // MARK: Type

  mutating func refineType() {
    switch code {
    case "GEN":
      if fields["container-title"] != nil,
        fields["volume"] != nil || fields["issue"] != nil || fields["page"] != nil
      {
        type = "article-journal"
      }
    case "JFULL":
      if fields["title"] == nil { type = "periodical" }
    default:
      break
    }
  }
}
