/// RIS reference type codes (`TY`) and the CSL item types they map to.
enum RISTypeTable {
  /// Code → CSL 1.0.2 type. `GEN` is refined by the mapper (an article when it looks like one).
  static let cslTypes: [String: String] = [
    "JOUR": "article-journal", "EJOUR": "article-journal", "ABST": "article-journal",
    "INPR": "article-journal", "JFULL": "article-journal", "MGZN": "article-magazine",
    "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book",
    "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference", "CPAPER": "paper-conference",
    "RPRT": "report", "GOVDOC": "report", "STAND": "standard", "THES": "thesis", "ELEC": "webpage",
    "WEB": "webpage", "BLOG": "post-weblog", "ICOMM": "personal_communication",
    "PCOMM": "personal_communication", "DATA": "dataset", "DBASE": "dataset", "AGGR": "dataset",
    "COMP": "software", "DICT": "entry-dictionary", "ENCYC": "entry-encyclopedia",
    "MANSCPT": "manuscript", "UNPB": "manuscript", "UNPD": "manuscript", "PAMP": "pamphlet",
    "PAT": "patent", "CASE": "legal_case", "LEGAL": "regulation", "STAT": "legislation",
    "BILL": "bill", "UNBILL": "bill", "HEAR": "hearing", "MAP": "map", "ART": "graphic",
    "CHART": "figure", "FIGURE": "figure", "EQUA": "figure", "ADVS": "motion_picture",
    "MPCT": "motion_picture", "VIDEO": "motion_picture", "SOUND": "song", "MUSIC": "musical_score",
    "MULTI": "webpage", "SLIDE": "speech", "SER": "periodical", "CLSWK": "classic",
    "ANCIENT": "classic", "CTLG": "document", "GRANT": "document", "GRNT": "document",
    "INTV": "interview", "POD": "broadcast", "PRESS": "document", "GEN": "document",
  ]

  /// Written-out type names (the 2011 specification's names and EndNote's labels), lower-cased.
  static let longNames: [String: String] = [
    "journal article": "JOUR", "journal": "JOUR", "electronic article": "EJOUR", "abstract": "ABST",
    "in press": "INPR", "full journal": "JFULL", "magazine article": "MGZN",
    "newspaper article": "NEWS", "book": "BOOK", "electronic book": "EBOOK", "edited book": "EDBOOK",
    "book section": "CHAP", "book chapter": "CHAP", "electronic book section": "ECHAP",
    "conference proceedings": "CONF", "conference proceeding": "CONF", "conference paper": "CPAPER",
    "report": "RPRT", "government document": "GOVDOC", "standard": "STAND", "thesis": "THES",
    "web page": "ELEC", "webpage": "ELEC", "blog": "BLOG", "internet communication": "ICOMM",
    "personal communication": "PCOMM", "dataset": "DATA", "online database": "DBASE",
    "aggregated database": "AGGR", "computer program": "COMP", "dictionary": "DICT",
    "encyclopedia": "ENCYC", "manuscript": "MANSCPT", "unpublished work": "UNPB",
    "pamphlet": "PAMP", "patent": "PAT", "case": "CASE", "legal rule or regulation": "LEGAL",
    "statute": "STAT", "bill": "BILL", "unenacted bill": "UNBILL", "hearing": "HEAR", "map": "MAP",
    "artwork": "ART", "chart": "CHART", "figure": "FIGURE", "equation": "EQUA",
    "audiovisual material": "ADVS", "film or broadcast": "MPCT", "video": "VIDEO",
    "sound recording": "SOUND", "music": "MUSIC", "online multimedia": "MULTI", "slide": "SLIDE",
    "serial": "SER", "classical work": "CLSWK", "ancient text": "ANCIENT", "catalog": "CTLG",
    "grant": "GRANT", "interview": "INTV", "podcast": "POD", "press release": "PRESS",
    "generic": "GEN", "journ": "JOUR",
  ]

  static func isKnownCode(_ code: String) -> Bool { cslTypes[code] != nil }

  /// How a `TY` value was understood.
  struct Resolved: Sendable, Equatable {
    /// The type code that drives the per-type tag meanings (`GEN` for empty or unknown values).
    var code: String
    /// The CSL type before per-record refinement.
    var cslType: String
    /// Set when the value was empty or not understood.
    var warning: String?
  }

  static func resolve(_ value: String) -> Resolved {
    let trimmed = value.trimmingBlanks()
    if trimmed.isEmpty {
      return Resolved(
        code: "GEN", cslType: "document", warning: "empty TY; the record is read as a generic one")
    }
    let upper = trimmed.uppercased()
    if let type = cslTypes[upper] { return Resolved(code: upper, cslType: type, warning: nil) }
    let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    if let code = longNames[words.joined(separator: " ")], let type = cslTypes[code] {
      return Resolved(code: code, cslType: type, warning: nil)
    }
    return Resolved(
      code: "UNKNOWN", cslType: "document",
      warning: "unknown RIS type \"\(trimmed)\"; the record is read as a document")
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingBlanks() -> String {
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
    // Most values have nothing to trim; their first and last bytes are read in place.
    let untouched = utf8.withContiguousStorageIfAvailable { buffer in
      guard let first = buffer.first, let last = buffer.last else { return true }
      return !isBlank(first) && !isBlank(last)
    }
    if untouched == true { return self }
    let bytes = utf8
    guard let first = bytes.first, let last = bytes.last else { return self }
    if !isBlank(first) && !isBlank(last) { return self }
    var low = bytes.startIndex
    var high = bytes.endIndex
    while low < high, isBlank(bytes[low]) { low = bytes.index(after: low) }
    while high > low, isBlank(bytes[bytes.index(before: high)]) { high = bytes.index(before: high) }
    return String(Substring(bytes[low..<high]))
  }
}
