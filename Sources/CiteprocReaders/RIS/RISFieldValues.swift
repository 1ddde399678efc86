/// Clean-ups for single RIS values: pages, DOIs, URLs, ISSN/ISBN lists, keywords and volumes.
enum RISFieldValues {
  // MARK: Pages

  /// The page or page range from SP and EP (or LP), kept as written with a hyphen between the ends
  /// (`e484-e491`, `484-91`). A range already in SP wins over EP; values without a digit or a roman
  /// numeral (`No`, `Specified`) are dropped.
  static func pages(start rawStart: String?, end rawEnd: String?) -> String? {
    let start = rawStart.map(normaliseRange).flatMap { isPageLike($0) ? $0 : nil }
    let end = rawEnd.map(normaliseRange).flatMap { isPageLike($0) ? $0 : nil }
    guard let start else { return end }
    if start.utf8.contains(UInt8(ascii: "-")) { return start }
    guard let end, end != start else { return start }
    return start + "-" + end
  }

  /// True when `SP` holds a range rather than a single page or a count.
  static func isRange(_ text: String) -> Bool {
    normaliseRange(text).utf8.contains(UInt8(ascii: "-"))
  }

  /// Dashes of any kind, with or without spaces around them, become one hyphen.
  static func normaliseRange(_ text: String) -> String {
    RISFieldValuesFastPath.normaliseRange(text) ?? normaliseRangeGeneral(text)
  }

  /// ``normaliseRange(_:)`` for any text.
  static func normaliseRangeGeneral(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for character in text.trimmingBlanks() {
      if character == "-" || character == "\u{2013}" || character == "\u{2014}" || character == "\u{2010}"
        || character == "\u{2011}" || character == "\u{2212}"
      {
        pendingDash = true
        continue
      }
      if character == " " && (pendingDash || out.isEmpty) { continue }
      if pendingDash {
        while out.last == " " { out.removeLast() }
        if !out.isEmpty { out.append("-") }
        pendingDash = false
      }
      out.append(character)
    }
    return out
  }

  static func isPageLike(_ text: String) -> Bool {
    RISFieldValuesFastPath.isPageLike(text) ?? isPageLikeGeneral(text)
  }

  /// ``isPageLike(_:)`` for any text.
  static func isPageLikeGeneral(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    if text.contains(where: { $0.isNumber }) { return true }
    return text.lowercased().allSatisfy { "ivxlcdm-".contains($0) }
  }

  // MARK: DOI

  /// A DOI from a DO value: `doi:` and resolver prefixes removed. Nil when no DOI is in it.
  static func doi(fromDOIField text: String) -> String? {
    doi(in: text)
  }

  /// The first DOI-shaped string (`10.` + digits + `/` + non-space) in free text.
  static func doi(in text: String) -> String? {
    if case .some(let result) = RISFieldValuesFastPath.doi(in: text) { return result }
    return doiGeneral(in: text)
  }

  /// ``doi(in:)`` for any text.
  static func doiGeneral(in text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 3 < scalars.count {
      defer { index += 1 }
      guard scalars[index] == "1", scalars[index + 1] == "0", scalars[index + 2] == "." else { continue }
      if index > 0, scalars[index - 1].properties.isAlphabetic || isDigit(scalars[index - 1]) {
        continue
      }
      var cursor = index + 3
      var digits = 0
      while cursor < scalars.count, isDigit(scalars[cursor]) || scalars[cursor] == "." {
        if isDigit(scalars[cursor]) { digits += 1 }
        cursor += 1
      }
      guard digits >= 4, cursor < scalars.count, scalars[cursor] == "/" else { continue }
      cursor += 1
      let suffixStart = cursor
      while cursor < scalars.count, !scalars[cursor].properties.isWhitespace, scalars[cursor] != ";" {
        cursor += 1
      }
      var endIndex = cursor
      while endIndex > suffixStart, ".,)]>\"'".unicodeScalars.contains(scalars[endIndex - 1]) {
        endIndex -= 1
      }
      guard endIndex > suffixStart else { continue }
      var result = String.UnicodeScalarView()
      result.append(contentsOf: scalars[index..<endIndex])
      return String(result)
    }
    return nil
  }

  /// A DOI from a URL, only when the URL is a DOI resolver link.
  static func doi(fromURL text: String) -> String? {
    if let hasHost = RISFieldValuesFastPath.containsDOIHost(text) {
      return hasHost ? doi(in: text) : nil
    }
    return doiGeneral(fromURL: text)
  }

  /// ``doi(fromURL:)`` for any text, without the shortcut for ASCII.
  static func doiGeneral(fromURL text: String) -> String? {
    let lower = text.lowercased()
    guard lower.contains("doi.org/") else { return nil }
    return doi(in: text)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  // MARK: URL

  /// The URLs in a UR-like value: one per line, or several separated by `;` or white space.
  /// Scheme-relative `//host/...` becomes `https://host/...`; values that are not web links
  /// (`<Go to ISI>://...`, `internal-pdf://...`) are skipped.
  static func urls(in lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines {
      if RISFieldValuesFastPath.appendURLs(in: line, to: &result) { continue }
      urlsGeneral(in: line, to: &result)
    }
    return result
  }

  /// ``urls(in:)`` for any text, without the shortcut for ASCII.
  static func urlsGeneral(in lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines { urlsGeneral(in: line, to: &result) }
    return result
  }

  private static func urlsGeneral(in line: String, to result: inout [String]) {
    for piece in line.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" }) {
      var url = String(piece)
      if url.hasPrefix("//") { url = "https:" + url }
      let lower = url.lowercased()
      if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://") {
        result.append(url)
      } else if lower.hasPrefix("www.") {
        result.append("https://" + url)
      }
    }
  }

  // MARK: ISSN / ISBN

  enum StandardNumber: Equatable {
    case issn(String)
    case isbn(String)
    case other(String)
  }

  /// The numbers in an SN value: lists separated by `,`, `;` or spaces; decorations such as
  /// `(ISSN)` or `(electronic)` removed. ISSNs are written `NNNN-NNNX`; ISBNs as given.
  static func standardNumbers(in text: String) -> [StandardNumber] {
    RISFieldValuesFastPath.standardNumbers(in: text) ?? standardNumbersGeneral(in: text)
  }

  /// ``standardNumbers(in:)`` for any text.
  static func standardNumbersGeneral(in text: String) -> [StandardNumber] {
    var cleaned = ""
    var depth = 0
    for character in text {
      if character == "(" || character == "[" {
        depth += 1
      } else if character == ")" || character == "]" {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        cleaned.append(character)
      }
    }
    var result: [StandardNumber] = []
    for piece in cleaned.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" }) {
      let token = String(piece)
      let compact = token.filter { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }
      let looksNumeric = token.allSatisfy { $0.isASCII && ($0.isNumber || "Xx-".contains($0)) }
      if looksNumeric && compact.count == 8 {
        let upper = compact.uppercased()
        result.append(.issn(String(upper.prefix(4)) + "-" + String(upper.suffix(4))))
      } else if looksNumeric && (compact.count == 10 || compact.count == 13) {
        result.append(.isbn(token))
      } else {
        result.append(.other(token))
      }
    }
    if result.contains(where: { if case .other = $0 { return false } else { return true } }) {
      return result.filter { if case .other = $0 { return false } else { return true } }
    }
    // Nothing shaped like a number: keep the whole value as written.
    let whole = text.trimmingBlanks()
    return whole.isEmpty ? [] : [.other(whole)]
  }

  // MARK: Keywords

  /// Keywords from KW entries: one per line and per `;`; also split on `,` when `splitOnCommas`
  /// (a single KW tag holding a list). A leading `*` (major MeSH term) is removed.
  static func keywords(_ entries: [RISEntry], splitOnCommas: Bool) -> [String] {
    var result: [String] = []
    var seen: Set<String> = []
    for entry in entries {
      for line in entry.lines {
        let pieces = line.split(whereSeparator: { $0 == ";" || (splitOnCommas && $0 == ",") })
        for piece in pieces {
          var keyword = String(piece).trimmingBlanks()
          while keyword.hasPrefix("*") { keyword.removeFirst() }
          keyword = keyword.trimmingBlanks()
          if !keyword.isEmpty, seen.insert(keyword).inserted { result.append(keyword) }
        }
      }
    }
    return result
  }

  // MARK: Volume

  /// A volume without `v.` / `vol.` prefixes (`v. 40` → `40`).
  static func volume(_ text: String) -> String {
    var value = text.trimmingBlanks()
    // Every prefix starts with "v".
    if let first = value.utf8.first, first >= 0x30 && first <= 0x39 { return value }
    var changed = true
    while changed {
      changed = false
      for prefix in ["vol.", "vol ", "v.", "v "] where value.lowercased().hasPrefix(prefix) {
        let rest = value.dropFirst(prefix.count).trimmingCharacters()
        if rest.first?.isNumber == true || rest.lowercased().hasPrefix("v") {
          value = rest
          changed = true
        }
        break
      }
    }
    return value
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String { String(self).trimmingBlanks() }
}
