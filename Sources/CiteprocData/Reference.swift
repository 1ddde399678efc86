/// One bibliographic record, as the engine sees it: CSL variables keyed by their CSL names.
///
/// Ordinary and number variables are strings (numbers keep their original spelling, such as `"61"` or
/// `"e484-e491"`). Name variables hold ``Name`` lists and date variables hold ``CSLDate`` values.
/// Strings may carry the rich-text markup that CSL-JSON allows (`<i>`, `<b>`, `<sup>`, `<sub>`,
/// `<span class="nocase">`, ...); the engine interprets it.
///
/// A reference stores all its variables together, in one compact array: read them one at a time
/// with `field(_:)`, `nameList(_:)` and `date(_:)` (by name, or by ``VariableName``). The maps
/// ``fields``, ``names`` and ``dates`` are made on each access, for code that wants a kind's
/// variables all at once.
public struct Reference: Sendable, Hashable {
  /// The item's identifier (CSL-JSON `id`, RIS `ID` or a generated one).
  public var id: String
  /// The CSL item type, such as `article-journal` or `book`.
  public var type: String
  /// The variables: ordinary ones first, then name lists, then dates, each kind in the order it was
  /// given, with no spare capacity (references are usually kept until the end).
  @usableFromInline var slots: ContiguousArray<VariableSlot>

  public init(
    id: String, type: String, fields: VariableMap<String> = VariableMap(),
    names: VariableMap<[Name]> = VariableMap(),
    dates: VariableMap<CSLDate> = VariableMap()
  ) {
    self.id = id
    self.type = type
    slots = []
    slots.reserveCapacity(fields.count + names.count + dates.count)
    for (key, value) in fields { slots.append(VariableSlot(name: key, value: .text(value))) }
    for (key, value) in names { slots.append(VariableSlot(name: key, value: .names(value))) }
    for (key, value) in dates { slots.append(VariableSlot(name: key, value: .date(value))) }
  }

  public init(
    id: String, type: String, fields: [String: String], names: [String: [Name]] = [:],
    dates: [String: CSLDate] = [:]
  ) {
    self.init(
      id: id, type: type, fields: VariableMap(fields), names: VariableMap(names), dates: VariableMap(dates))
  }

  // MARK: One variable

  /// The position of `variable` of `kind`: the slots with its number, and of those with a boxed
  /// value, the one with its name.
  @inlinable
  func position(of variable: VariableName, _ kind: VariableSlot.Kind) -> Int? {
    for index in slots.indices where slots[index].key == variable.key {
      switch (slots[index].value, kind) {
      case (.text, .text), (.names, .names), (.date, .date): return index
      case (.other(let other), _):
        if other.name == variable.name && slots[index].kind == kind { return index }
      default: continue
      }
    }
    return nil
  }

  /// The value of an ordinary or number variable as given (possibly empty), or nil when it is absent.
  @inlinable
  public func text(_ variable: VariableName) -> String? {
    position(of: variable, .text).flatMap { slots[$0].unboxed.text }
  }

  /// The value of an ordinary or number variable, or nil when it is absent or empty.
  @inlinable
  public func field(_ variable: VariableName) -> String? {
    guard let value = text(variable), !value.isEmpty else { return nil }
    return value
  }

  /// The names of a name variable as given (possibly none), or nil when it is absent.
  @inlinable
  public func nameList(_ variable: VariableName) -> [Name]? {
    position(of: variable, .names).flatMap { slots[$0].unboxed.names }
  }

  /// The value of a date variable as given, or nil when it is absent.
  @inlinable
  public func date(_ variable: VariableName) -> CSLDate? {
    position(of: variable, .date).flatMap { slots[$0].unboxed.date }
  }

  /// True when the variable (of any kind) has a non-empty value.
  @inlinable
  public func has(_ variable: VariableName) -> Bool {
    for slot in slots where slot.key == variable.key {
      if case .other(let other) = slot.value, other.name != variable.name { continue }
      switch slot.unboxed {
      case .text(let value): if !value.isEmpty { return true }
      case .names(let value): if !value.isEmpty { return true }
      case .date(let value): if !value.isEmpty { return true }
      case .other: continue
      }
    }
    return false
  }

  // The same by a name given as a string: its number is looked up first (a style's elements hold
  // ``VariableName``s, whose numbers are looked up once).

  /// The value of an ordinary or number variable as given (possibly empty), or nil when it is absent.
  @inlinable
  public func text(_ name: String) -> String? { text(VariableName(name)) }

  /// The value of an ordinary or number variable, or nil when it is absent or empty.
  @inlinable
  public func field(_ name: String) -> String? { field(VariableName(name)) }

  /// The names of a name variable as given (possibly none), or nil when it is absent.
  @inlinable
  public func nameList(_ name: String) -> [Name]? { nameList(VariableName(name)) }

  /// The value of a date variable as given, or nil when it is absent.
  @inlinable
  public func date(_ name: String) -> CSLDate? { date(VariableName(name)) }

  /// True when the variable (of any kind) has a non-empty value.
  @inlinable
  public func has(_ name: String) -> Bool { has(VariableName(name)) }

  /// Removes the date variable `name`, if there is one.
  public mutating func removeDate(_ name: String) {
    if let index = position(of: VariableName(name), .date) { slots.remove(at: index) }
  }

  // MARK: A kind's variables at once

  /// Ordinary and number variables: `title`, `container-title`, `volume`, `page`, `DOI`, ...
  public var fields: VariableMap<String> {
    get { variables(\.text) }
    set { replace(.text, with: newValue.map { VariableSlot(name: $0.key, value: .text($0.value)) }) }
  }

  /// Name variables: `author`, `editor`, `translator`, ...
  public var names: VariableMap<[Name]> {
    get { variables(\.names) }
    set { replace(.names, with: newValue.map { VariableSlot(name: $0.key, value: .names($0.value)) }) }
  }

  /// Date variables: `issued`, `accessed`, ...
  public var dates: VariableMap<CSLDate> {
    get { variables(\.date) }
    set { replace(.date, with: newValue.map { VariableSlot(name: $0.key, value: .date($0.value)) }) }
  }

  /// The variables whose values `value` gives, by name, in their order.
  private func variables<Value>(_ value: (VariableSlot.Value) -> Value?) -> VariableMap<Value> {
    var map = VariableMap<Value>()
    for slot in slots {
      if let found = value(slot.unboxed) { map.entries.append(.init(key: slot.name, value: found)) }
    }
    return map
  }

  /// The slots with those of `kind` replaced by `replacement`, the kinds kept in their order.
  private mutating func replace(_ kind: VariableSlot.Kind, with replacement: [VariableSlot]) {
    var merged = ContiguousArray<VariableSlot>()
    merged.reserveCapacity(slots.count { $0.kind != kind } + replacement.count)
    for each in [VariableSlot.Kind.text, .names, .date] {
      if each == kind {
        merged += replacement
      } else {
        merged += slots.lazy.filter { $0.kind == each }
      }
    }
    slots = merged
  }

  /// The reference without the ordinary variables for which `keep` is false.
  package func keepingFields(where keep: (String) -> Bool) -> Reference {
    let keeps = slots.map { $0.kind != .text || keep($0.name) }
    guard keeps.contains(false) else { return self }
    var kept = self
    kept.slots = []
    kept.slots.reserveCapacity(keeps.count { $0 })
    for (slot, keeps) in zip(slots, keeps) where keeps { kept.slots.append(slot) }
    return kept
  }

  // MARK: Equality

  /// Equal when id, type and every variable are: the order of the variables does not count.
  public static func == (a: Reference, b: Reference) -> Bool {
    guard a.id == b.id && a.type == b.type else { return false }
    if a.slots == b.slots { return true }
    return a.fields == b.fields && a.names == b.names && a.dates == b.dates
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(type)
    hasher.combine(fields)
    hasher.combine(names)
    hasher.combine(dates)
  }
}
