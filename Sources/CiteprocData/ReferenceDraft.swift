/// A reference being put together a variable at a time, kept as a map per kind until it is
/// complete: a ``Reference`` stores its variables packed, and is made once from the draft.
package struct ReferenceDraft: Sendable {
  package var id = ""
  package var type = ""
  package var fields = VariableMap<String>()
  package var names = VariableMap<[Name]>()
  package var dates = VariableMap<CSLDate>()

  package init() {}

  /// True when the variable (of any kind) has a non-empty value, as ``Reference/has(_:)``.
  package func has(_ variable: String) -> Bool {
    if let value = fields[variable], !value.isEmpty { return true }
    if let list = names[variable], !list.isEmpty { return true }
    if let date = dates[variable], !date.isEmpty { return true }
    return false
  }

  /// The reference drafted.
  package var reference: Reference {
    Reference(id: id, type: type, fields: fields, names: names, dates: dates)
  }
}
