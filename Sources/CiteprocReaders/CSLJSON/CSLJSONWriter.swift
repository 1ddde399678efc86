import CiteprocData

/// Writes references as a pretty-printed CSL-JSON array that ``CSLJSONReader`` reads back to equal
/// references.
///
/// Keys come in a stable order: `id`, `type`, then the variables alphabetically. Names are objects
/// (a literal name is written as its literal alone; `"parse-names": false` is added when reading the
/// parts back would split them differently). Dates are written as `date-parts`, with `season`, `circa`
/// and `literal` when set; a season without a month is written as month 21–24, and an open range end as
/// year 0.
public struct CSLJSONWriter: Sendable {
  public init() {}

  public func write(_ references: [Reference]) -> String {
    guard !references.isEmpty else { return "[]\n" }
    var out = "[\n"
    for (index, reference) in references.enumerated() {
      writeItem(reference, to: &out)
      out += index + 1 < references.count ? ",\n" : "\n"
    }
    out += "]\n"
    return out
  }

  private func writeItem(_ reference: Reference, to out: inout String) {
    var entries: [(key: String, json: String)] = []
    let fields = reference.fields
    let names = reference.names
    let dates = reference.dates
    for key in Set(fields.keys).union(names.keys).union(dates.keys) where key != "id" && key != "type" {
      if let names = names[key] {
        entries.append((key, namesJSON(names)))
      } else if let date = dates[key] {
        entries.append((key, dateJSON(date)))
      } else if let text = fields[key] {
        entries.append((key, quoted(text)))
      }
    }
    entries.sort { $0.key < $1.key }
    entries.insert(("type", quoted(reference.type)), at: 0)
    entries.insert(("id", quoted(reference.id)), at: 0)
    out += "  {\n"
    out += entries.map { "    \(quoted($0.key)): \($0.json)" }.joined(separator: ",\n")
    out += "\n  }"
  }

  private func namesJSON(_ names: [Name]) -> String {
    guard !names.isEmpty else { return "[]" }
    let objects = names.map { name -> String in
      let members = nameMembers(name).map { "        \(quoted($0.key)): \($0.json)" }
      return "      {\n" + members.joined(separator: ",\n") + "\n      }"
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n    ]"
  }

  private func nameMembers(_ name: Name) -> [(key: String, json: String)] {
    if let literal = name.literal { return [("literal", quoted(literal))] }
    var members: [(key: String, json: String)] = []
    let parts: [(String, String?)] = [
      ("family", name.family), ("given", name.given), ("dropping-particle", name.droppingParticle),
      ("non-dropping-particle", name.nonDroppingParticle), ("suffix", name.suffix),
    ]
    for (key, value) in parts {
      if let value { members.append((key, quoted(value))) }
    }
    if name.commaSuffix { members.append(("comma-suffix", "true")) }
    if name.staticOrdering { members.append(("static-ordering", "true")) }
    if NameParticles.split(name) != name { members.append(("parse-names", "false")) }
    return members
  }

  private func dateJSON(_ date: CSLDate) -> String {
    var members: [String] = []
    if let start = date.start {
      var ranges = [partsJSON(start)]
      if let end = date.end { ranges.append(partsJSON(end)) }
      members.append("\"date-parts\": [" + ranges.joined(separator: ", ") + "]")
      // A season that could not go in the month slot.
      if let season = start.season, start.month != nil { members.append("\"season\": \(season)") }
    }
    if let seasonText = date.seasonText { members.append("\"season\": \(quoted(seasonText))") }
    if date.circa { members.append("\"circa\": true") }
    if let literal = date.literal { members.append("\"literal\": \(quoted(literal))") }
    return "{\n" + members.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
  }

  private func partsJSON(_ parts: CSLDate.Parts) -> String {
    var numbers = [parts.year]
    let month = parts.month ?? parts.season.map { 20 + $0 }
    if let day = parts.day {
      numbers += [month ?? 0, day]
    } else if let month {
      numbers.append(month)
    }
    return "[" + numbers.map(String.init).joined(separator: ", ") + "]"
  }

  /// A JSON string literal.
  private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{8}": out += "\\b"
      case "\u{C}": out += "\\f"
      case "\u{0}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
