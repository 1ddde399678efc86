import CiteprocData

/// Writes references as RIS, the way reference managers export them: `TY` first, one `AU` line per
/// author (`Family, Given`), `PY` and `DA` dates, `SP`/`EP` pages and `ER` last.
public struct RISWriter: Sendable {
  public init() {}

  public func write(_ references: [Reference]) -> String {
    var out = ""
    out.reserveCapacity(references.count * 700)
    for reference in references { write(reference, to: &out) }
    return out
  }

  private static let codes: [String: String] = [
    "article-journal": "JOUR", "book": "BOOK", "chapter": "CHAP", "report": "RPRT", "webpage": "ELEC",
    "thesis": "THES",
  ]

  private func write(_ reference: Reference, to out: inout String) {
    func line(_ tag: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      out += tag
      out += "  - "
      out += value
      out += "\n"
    }
    let code = Self.codes[reference.type] ?? "GEN"
    line("TY", code)
    line("TI", reference.text("title"))
    for name in reference.nameList("author") ?? [] { line("AU", risName(name)) }
    for name in reference.nameList("editor") ?? [] { line("A2", risName(name)) }
    if let issued = reference.date("issued")?.start {
      line("PY", String(issued.year))
      if let month = issued.month {
        line("DA", "\(issued.year)/\(twoDigits(month))/\(issued.day.map(twoDigits) ?? "")/")
      }
    }
    switch code {
    case "JOUR":
      line("T2", reference.text("container-title"))
      line("J2", reference.text("container-title-short"))
    case "CHAP":
      line("T2", reference.text("container-title"))
    default:
      break
    }
    line("VL", reference.text("volume"))
    line("IS", reference.text("issue"))
    if let page = reference.text("page") {
      let parts = page.split(separator: "-", maxSplits: 1)
      line("SP", parts.first.map(String.init))
      if parts.count > 1 { line("EP", String(parts[1])) }
    }
    line("ET", code == "JOUR" ? nil : reference.text("edition"))
    line("PB", reference.text("publisher"))
    line("CY", reference.text("publisher-place"))
    line("M3", reference.text("genre"))
    line("SN", reference.text("ISBN") ?? reference.text("number"))
    line("DO", reference.text("DOI"))
    line("UR", reference.text("URL"))
    if let accessed = reference.date("accessed")?.start {
      line("Y2", "\(accessed.year)/\(twoDigits(accessed.month ?? 1))/\(twoDigits(accessed.day ?? 1))/")
    }
    line("AB", reference.text("abstract"))
    out += "ER  - \n\n"
  }

  private func risName(_ name: Name) -> String {
    if let literal = name.literal { return literal }
    var family = name.family ?? ""
    if let particle = name.nonDroppingParticle { family = particle + " " + family }
    guard let given = name.given else { return family }
    return family + ", " + given
  }

  private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
