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
    // `ordinal-10` … `ordinal-99` and `ordinal-00` … `ordinal-09`: names of exactly two ASCII
    // digits after the prefix; each name comes once.
    let zero = UInt8(ascii: "0")
    for (name, term) in terms {
      if name == "ordinal" {
        plain = term
        continue
      }
      let bytes = Array(name.utf8)
      guard bytes.count == 10, name.hasPrefix("ordinal-") else { continue }
      let tens = Int(bytes[8]) - Int(zero)
      let ones = Int(bytes[9]) - Int(zero)
      guard (0...9).contains(tens), (0...9).contains(ones) else { continue }
      if tens == 0 {
        oneDigit.append((ones, term))
      } else {
        twoDigit.append((tens * 10 + ones, term))
      }
    }
    twoDigit.sort { $0.number < $1.number }
    oneDigit.sort { $0.number < $1.number }
  }

  /// The genders an ordinal can be asked for, nil (none given) first.
  static let genders: [Gender?] = [nil, .masculine, .feminine, .neuter]
}
