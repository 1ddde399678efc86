/// A parsed JSON value with the line it started on, so that readers can report `file:line: message`.
package struct JSONNode: Sendable, Hashable {
  package var value: JSONValue
  /// The 1-based line of the value's first character.
  package var line: Int

  package init(_ value: JSONValue, line: Int) {
    self.value = value
    self.line = line
  }
}

/// One `"key": value` pair of a JSON object, in the order written.
package struct JSONMember: Sendable, Hashable {
  package var key: String
  /// The line of the key.
  package var line: Int
  package var value: JSONNode

  package init(key: String, line: Int, value: JSONNode) {
    self.key = key
    self.line = line
    self.value = value
  }
}

/// A JSON value. Numbers keep the text they were written with (`61`, `1.50`, `1e3`), and objects keep
/// their members in order, duplicates included.
package enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONNode])
  case object([JSONMember])

  /// The string of a `.string` value.
  package var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The text of a `.string` or `.number` value, which CSL-JSON treats alike in most places.
  package var scalarText: String? {
    switch self {
    case .string(let text), .number(let text): return text
    default: return nil
    }
  }

  /// The elements of an `.array` value.
  package var array: [JSONNode]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The members of an `.object` value.
  package var members: [JSONMember]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// A short name of the value's kind, for messages ("a string", "an object", ...).
  package var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Loose truth as CSL-JSON flags use it (`true`, `1`, `"true"`): false for `false`, `null`, `0`, `""`,
  /// `"0"` and `"false"`, true for every other scalar. Arrays and objects are true.
  package var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let flag): return flag
    case .number(let text): return (Double(text) ?? 0) != 0
    case .string(let text):
      let lowered = text.lowercased()
      return !(lowered.isEmpty || lowered == "0" || lowered == "false")
    case .array, .object: return true
    }
  }
}

extension Array where Element == JSONMember {
  /// The value of the last member with this key (JSON's usual "last one wins").
  package func last(_ key: String) -> JSONNode? {
    last(where: { $0.key == key })?.value
  }
}
