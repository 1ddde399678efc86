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
  /// ``RISTagRoles/secondaryTitle(_:)``.
  var secondaryTitle: RISTagRoles.TitleRole

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
    secondaryTitle = RISTagRoles.secondaryTitle(code)
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

  /// What ``RISTypeTable/resolve(_:)`` and ``roles(for:)`` give for a `TY` value that is a known
  /// type code in ASCII letters of either case (`JOUR`, `jour`), found without hashing; nil for any
  /// other value.
  static func known(_ value: String) -> Known? {
    var key: UInt64 = 0
    var length = 0
    for byte in value.utf8 {
      let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
      guard upper >= 0x41 && upper <= 0x5A, length < 8 else { return nil }
      key = key << 8 | UInt64(upper)
      length += 1
    }
    let table = knownTable
    var low = 0
    var high = table.count
    while low < high {
      let middle = (low + high) / 2
      if table[middle].key < key { low = middle + 1 } else { high = middle }
    }
    guard low < table.count, table[low].key == key else { return nil }
    return table[low].known
  }

  struct Known: Sendable {
    var code: String
    var cslType: String
    var roles: RISTypeRoles
  }

  /// The known codes keyed by their letters packed into an integer, in key order.
  private static let knownTable: [(key: UInt64, known: Known)] = RISTypeTable.cslTypes.map { code, type in
    let key = code.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return (key, Known(code: code, cslType: type, roles: roles(for: code)))
  }.sorted { $0.key < $1.key }
}
