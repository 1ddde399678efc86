/// The ``RISTagRoles`` type sets answered for one `TY` code, looked up once per record instead of
/// once per question.
struct RISTypeRoles: Sendable, Equatable {
  var pageCount: Bool
  var issueIsVolumes: Bool
  var volumeIgnored: Bool
  var dateIsAccessed: Bool
  var editionIsEpubDate: Bool
  var serialIsNumber: Bool
  var serialIsISBN: Bool
  var journalLike: Bool
  var genreFromM3: Bool

  init(code: String) {
    pageCount = RISTagRoles.pageCountTypes.contains(code)
    issueIsVolumes = RISTagRoles.issueIsVolumes.contains(code)
    volumeIgnored = RISTagRoles.volumeIgnored.contains(code)
    dateIsAccessed = RISTagRoles.dateIsAccessed.contains(code)
    editionIsEpubDate = RISTagRoles.editionIsEpubDate.contains(code)
    serialIsNumber = RISTagRoles.serialIsNumber.contains(code)
    serialIsISBN = RISTagRoles.serialIsISBN.contains(code)
    journalLike = RISTagRoles.journalLike.contains(code)
    genreFromM3 = RISTagRoles.genreFromM3.contains(code)
  }

  /// The roles of `code`, from a table of the known codes.
  static func roles(for code: String) -> RISTypeRoles {
    table[code] ?? RISTypeRoles(code: code)
  }

  private static let table: [String: RISTypeRoles] = {
    var table: [String: RISTypeRoles] = [:]
    for code in Array(RISTypeTable.cslTypes.keys) + ["GEN", "UNKNOWN"] {
      table[code] = RISTypeRoles(code: code)
    }
    return table
  }()
}
