/// The ordinal suffix terms of a locale for one gender, in the order the number renderer tries
/// them: the two-digit terms (`ordinal-10` … `ordinal-99`), then the one-digit terms
/// (`ordinal-00` … `ordinal-09`), then the plain `ordinal` term.
struct OrdinalTable: Sendable {
  var twoDigit: [(number: Int, term: Term)] = []
  var oneDigit: [(number: Int, term: Term)] = []
  var plain: Term?
  /// Whether the locale has no ordinal term at all (of any name) for this gender.
  var isEmpty = true

  /// The table of `terms` (the locale's ordinal terms for one gender, by name).
  init(_ terms: [(String, Term)]) {
    isEmpty = terms.isEmpty
    var lookup: [String: Term] = [:]
    for (name, term) in terms { lookup[name] = term }
    for n in 10...99 {
      if let term = lookup["ordinal-\(n)"] { twoDigit.append((n, term)) }
    }
    for n in 0...9 {
      if let term = lookup["ordinal-0\(n)"] { oneDigit.append((n, term)) }
    }
    plain = lookup["ordinal"]
  }

  /// The genders an ordinal can be asked for, nil (none given) first.
  static let genders: [Gender?] = [nil, .masculine, .feminine, .neuter]
}
