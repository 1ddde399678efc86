/// One variable of a ``Reference`` as it is stored: its value, of any kind, and its name as a
/// number.
///
/// A reference keeps all its variables in one array of slots (one allocation, where a map per kind
/// took three), and a slot takes 24 bytes where a pair keyed by a string took 32 or more: names
/// that CSL defines are numbered in ``VariableKeys``, and the rare other name is boxed with its
/// value.
@usableFromInline
struct VariableSlot: Sendable, Hashable {
  @usableFromInline
  enum Value: Sendable, Hashable {
    case text(String)
    case names([Name])
    case date(CSLDate)
    /// A variable whose name has no number, with its value (never itself `other`).
    case other(OtherVariable)

    @inlinable
    var text: String? { if case .text(let value) = self { value } else { nil } }
    @inlinable
    var names: [Name]? { if case .names(let value) = self { value } else { nil } }
    @inlinable
    var date: CSLDate? { if case .date(let value) = self { value } else { nil } }
  }

  /// The kind of value a slot holds, whatever its name.
  @usableFromInline
  enum Kind: Sendable {
    case text, names, date
  }

  @usableFromInline var value: Value
  /// The name's number in ``VariableKeys/names``, or ``VariableKeys/other``.
  @usableFromInline var key: UInt8

  @inlinable
  init(name: String, value: Value) {
    let key = VariableKeys.key(of: name)
    self.key = key
    self.value = key == VariableKeys.other ? .other(OtherVariable(name: name, value: value)) : value
  }

  /// The variable's name.
  @usableFromInline
  var name: String {
    if case .other(let other) = value { return other.name }
    return VariableKeys.names[Int(key)]
  }

  /// The value, unboxed when its name has no number.
  @usableFromInline
  var unboxed: Value {
    if case .other(let other) = value { return other.value }
    return value
  }

  @usableFromInline
  var kind: Kind {
    switch unboxed {
    case .text: .text
    case .names: .names
    case .date: .date
    case .other: preconditionFailure("a boxed variable holds a boxed value")
    }
  }
}

/// A variable whose name ``VariableKeys`` does not number, with its value.
@usableFromInline
final class OtherVariable: Sendable, Hashable {
  @usableFromInline let name: String
  @usableFromInline let value: VariableSlot.Value

  @usableFromInline
  init(name: String, value: VariableSlot.Value) {
    self.name = name
    self.value = value
  }

  @usableFromInline
  static func == (a: OtherVariable, b: OtherVariable) -> Bool { a.name == b.name && a.value == b.value }

  @usableFromInline
  func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(value)
  }
}

/// The numbers of variable names in a ``Reference``'s storage: every variable of CSL 1.0.2 and the
/// other names the readers and the engine use.
@usableFromInline
enum VariableKeys {
  /// The names, by number: the variables ``CSLVariables`` lists and ``extraNames``. The numbers
  /// hold within one process only (they follow the order of the sets), and nothing outside a
  /// reference sees them.
  @usableFromInline
  static let names: [String] =
    Array(CSLVariables.ordinary) + Array(CSLVariables.numbers) + Array(CSLVariables.names)
    + Array(CSLVariables.dates) + extraNames

  /// Names the readers and the engine use that ``CSLVariables`` does not list: short forms, the
  /// CSL-JSON `journalAbbreviation`, and `editor-translator`.
  static let extraNames = [
    "journalAbbreviation", "collection-title-short", "original-title-short", "part-title-short",
    "reviewed-title-short", "volume-title-short", "event-title-short", "editor-translator",
  ]

  /// The number of a name that is not in ``names``.
  @usableFromInline
  static let other: UInt8 = 255

  /// Where ``key(of:)`` finds the numbers.
  @usableFromInline
  static let table = KeyTable(names: names)

  /// The number of `name`, or ``other``.
  @inlinable
  static func key(of name: String) -> UInt8 { table.key(of: name) }

  /// The names with their numbers, grouped by UTF-8 length and first byte: a name is compared
  /// with the one or two names of its group (equal short strings compare at once).
  @usableFromInline
  struct KeyTable: Sendable {
    /// The names and numbers, group after group.
    @usableFromInline let entries: [(name: String, key: UInt8)]
    /// Where each group starts in `entries`, and where the last one ends.
    @usableFromInline let starts: [UInt16]

    @usableFromInline static let maximumLength = 31

    init(names: [String]) {
      // The names sorted by group, and where each group starts: counted, then placed.
      let groups = (Self.maximumLength + 1) * 128
      let groupOfName = names.map { Self.group(length: $0.utf8.count, first: $0.utf8.first ?? 0) }
      var starts = [UInt16](repeating: 0, count: groups + 1)
      for group in groupOfName { starts[group + 1] += 1 }
      for group in 0..<groups { starts[group + 1] += starts[group] }
      var next = starts
      var entries = [(name: String, key: UInt8)](repeating: ("", 0), count: names.count)
      for (key, name) in names.enumerated() {
        let group = groupOfName[key]
        entries[Int(next[group])] = (name, UInt8(key))
        next[group] += 1
      }
      self.entries = entries
      self.starts = starts
    }

    @inlinable
    static func group(length: Int, first: UInt8) -> Int { length << 7 | Int(first & 0x7F) }

    @inlinable
    func key(of name: String) -> UInt8 {
      let utf8 = name.utf8
      let length = utf8.count
      guard length > 0 && length <= Self.maximumLength else { return VariableKeys.other }
      let group = Self.group(length: length, first: utf8[utf8.startIndex])
      for index in Int(starts[group])..<Int(starts[group + 1]) where entries[index].name == name {
        return entries[index].key
      }
      return VariableKeys.other
    }
  }
}

/// A variable's name with its number in a reference's storage, worked out once: a style's
/// elements hold these, so that rendering looks a variable up by its number (a byte compared
/// with each of the reference's few) instead of by its name.
public struct VariableName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
  public let name: String
  /// The name's number in ``VariableKeys/names``, or ``VariableKeys/other``.
  @usableFromInline let key: UInt8

  @inlinable
  public init(_ name: String) {
    self.name = name
    key = VariableKeys.key(of: name)
  }

  public init(stringLiteral name: String) { self.init(name) }

  /// The same name held in `name` (a copy of its text, say), keeping the number.
  public func withName(_ name: String) -> VariableName {
    precondition(name == self.name, "a variable name replaced by another")
    return VariableName(name: name, key: key)
  }

  private init(name: String, key: UInt8) {
    self.name = name
    self.key = key
  }

  public var description: String { name }

  public static func == (a: VariableName, b: VariableName) -> Bool { a.name == b.name }

  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
