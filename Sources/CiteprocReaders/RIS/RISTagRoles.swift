/// What the tags whose meaning depends on the reference type mean for a given `TY` code
/// (RIS.md §3.2 and the rules of §3.3).
enum RISTagRoles {
  enum TitleRole {
    case container
    case collection
    case conference
    case ignored
  }

  static let collectionT2: Set<String> = [
    "BOOK", "EBOOK", "EDBOOK", "RPRT", "COMP", "MAP", "UNPB", "UNPD", "WEB", "ELEC",
  ]

  /// T2.
  static func secondaryTitle(_ code: String) -> TitleRole {
    if code == "THES" { return .ignored }
    if code == "CONF" || code == "CPAPER" { return .conference }
    if collectionT2.contains(code) { return .collection }
    return .container
  }

  /// T3: the series title, or the legislative body for hearings and bills.
  static func tertiaryTitleVariable(_ code: String) -> String {
    code == "HEAR" || code == "BILL" || code == "UNBILL" ? "authority" : "collection-title"
  }

  static let a2Editor: Set<String> = [
    "JOUR", "EJOUR", "ABST", "INPR", "JFULL", "MGZN", "NEWS", "CHAP", "ECHAP", "CONF", "CPAPER",
    "ENCYC", "DICT", "GEN", "UNKNOWN", "CASE", "CLSWK", "ANCIENT",
  ]
  static let a2CollectionEditor: Set<String> = [
    "BOOK", "EBOOK", "EDBOOK", "RPRT", "WEB", "ELEC", "SER", "GOVDOC",
  ]

  /// True for the tags ``nameVariable(tag:code:)`` may map: AU, A1, ED, A2, A3 and A4.
  static func isNameTag(_ code: UInt16) -> Bool {
    code == RISTagCode.AU || code == RISTagCode.A1 || code == RISTagCode.ED || code == RISTagCode.A2
      || code == RISTagCode.A3 || code == RISTagCode.A4
  }

  /// The CSL name variable for a name tag, or nil when the tag is not a citable role for this type.
  static func nameVariable(tag: String, code: String) -> String? {
    nameVariable(tagCode: RISTags.code(tag), code: code)
  }

  /// ``nameVariable(tag:code:)`` for a tag given by its code (see ``RISTags/code(_:)``).
  static func nameVariable(tagCode: UInt16, code: String) -> String? {
    switch tagCode {
    case RISTagCode.AU, RISTagCode.A1: return code == "EDBOOK" ? "editor" : "author"
    case RISTagCode.ED: return "editor"
    case RISTagCode.A2:
      if a2Editor.contains(code) { return "editor" }
      if a2CollectionEditor.contains(code) { return "collection-editor" }
      return nil
    case RISTagCode.A3:
      switch code {
      case "BOOK", "EBOOK": return "editor"
      case "CHAP", "ECHAP", "CONF", "CPAPER": return "collection-editor"
      default: return nil
      }
    case RISTagCode.A4:
      switch code {
      case "BOOK", "EBOOK", "EDBOOK", "CHAP", "ECHAP", "DICT", "ENCYC", "CLSWK", "ANCIENT":
        return "translator"
      default: return nil
      }
    default: return nil
    }
  }

  /// Types whose SP is a page count unless it holds a range.
  static let pageCountTypes: Set<String> = ["BOOK", "EBOOK", "EDBOOK", "THES"]

  /// Types for which IS is the number of volumes.
  static let issueIsVolumes: Set<String> = ["CHAP", "ECHAP"]

  /// Types whose VL is not a volume (THES: degree; WEB/ELEC: access year).
  static let volumeIgnored: Set<String> = ["THES", "WEB", "ELEC"]

  /// Types whose DA is the access date (EndNote and the 2011 sheets).
  static let dateIsAccessed: Set<String> = ["EJOUR", "EBOOK", "DBASE", "AGGR", "CASE", "MULTI"]

  /// Types whose ET is an e-publication date rather than an edition.
  static let editionIsEpubDate: Set<String> = ["JOUR", "EJOUR"]

  /// Types whose SN is a report or patent number.
  static let serialIsNumber: Set<String> = ["RPRT", "PAT"]

  /// Types whose SN is an ISBN when it has no recognisable shape.
  static let serialIsISBN: Set<String> = [
    "BOOK", "EBOOK", "EDBOOK", "CHAP", "ECHAP", "CONF", "CPAPER", "DICT", "ENCYC", "CLSWK",
    "ANCIENT", "COMP", "MAP", "SOUND", "MUSIC", "VIDEO", "ADVS",
  ]

  /// Types that are journal-like (M1 as issue when IS is absent; C7 article number; C2 PMCID).
  static let journalLike: Set<String> = ["JOUR", "EJOUR", "ABST", "INPR", "JFULL", "MGZN"]

  /// Types whose M3 is the genre (thesis or report type).
  static let genreFromM3: Set<String> = ["THES", "RPRT"]
}
