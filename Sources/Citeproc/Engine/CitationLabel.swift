import CiteprocData

/// The `citation-label` a record gets when it has none: a "trigraph" of author family names and
/// a two-digit year, as in alphanumeric styles (`Doe65`, `RoNo78`, `AbCD01`, `DEFG26`).
enum CitationLabel {
  static func make(for reference: Reference) -> String? {
    let names =
      ["author", "editor", "translator"].lazy.compactMap { reference.nameList($0) }.first { !$0.isEmpty }
      ?? []
    let families = names.map { name -> String in
      let text = name.family ?? name.literal ?? name.given ?? ""
      return String(text.filter { $0.isLetter })
    }.filter { !$0.isEmpty }
    // Letters taken from each name: 4 for one author, 2+2, 2+1+1, then one from each of four.
    let counts: [Int]
    switch families.count {
    case 0: counts = []
    case 1: counts = [4]
    case 2: counts = [2, 2]
    case 3: counts = [2, 1, 1]
    default: counts = [1, 1, 1, 1]
    }
    var label = ""
    for (family, count) in zip(families, counts) { label += family.prefix(count) }
    if label.isEmpty, let title = reference.field("title") {
      label = String(title.filter { $0.isLetter }.prefix(4))
    }
    if let year = reference.date("issued")?.start?.year {
      label += String(String(abs(year) % 100).leftPadded(to: 2))
    }
    return label.isEmpty ? nil : label
  }
}
