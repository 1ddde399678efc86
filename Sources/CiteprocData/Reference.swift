/// One bibliographic record, as the engine sees it: CSL variables keyed by their CSL names.
///
/// Ordinary and number variables are strings (numbers keep their original spelling, such as `"61"` or
/// `"e484-e491"`). Name variables hold ``Name`` lists and date variables hold ``CSLDate`` values.
/// Strings may carry the rich-text markup that CSL-JSON allows (`<i>`, `<b>`, `<sup>`, `<sub>`,
/// `<span class="nocase">`, ...); the engine interprets it.
public struct Reference: Sendable, Hashable {
  /// The item's identifier (CSL-JSON `id`, RIS `ID` or a generated one).
  public var id: String
  /// The CSL item type, such as `article-journal` or `book`.
  public var type: String
  /// Ordinary and number variables: `title`, `container-title`, `volume`, `page`, `DOI`, ...
  public var fields: VariableMap<String>
  /// Name variables: `author`, `editor`, `translator`, ...
  public var names: VariableMap<[Name]>
  /// Date variables: `issued`, `accessed`, ...
  public var dates: VariableMap<CSLDate>

  public init(
    id: String, type: String, fields: VariableMap<String> = VariableMap(),
    names: VariableMap<[Name]> = VariableMap(),
    dates: VariableMap<CSLDate> = VariableMap()
  ) {
    self.id = id
    self.type = type
    self.fields = fields
    self.names = names
    self.dates = dates
    // References are usually kept until the end: no spare capacity.
    self.fields.trim()
    self.names.trim()
    self.dates.trim()
  }

  public init(
    id: String, type: String, fields: [String: String], names: [String: [Name]] = [:],
    dates: [String: CSLDate] = [:]
  ) {
    self.init(
      id: id, type: type, fields: VariableMap(fields), names: VariableMap(names), dates: VariableMap(dates))
  }

  /// The value of an ordinary or number variable, or nil when it is absent or empty.
  public func field(_ name: String) -> String? {
    guard let value = fields[name], !value.isEmpty else { return nil }
    return value
  }

  /// True when the variable (of any kind) has a non-empty value.
  public func has(_ variable: String) -> Bool {
    if let value = fields[variable], !value.isEmpty { return true }
    if let list = names[variable], !list.isEmpty { return true }
    if let date = dates[variable], !date.isEmpty { return true }
    return false
  }
}
