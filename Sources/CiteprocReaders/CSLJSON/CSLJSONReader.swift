import CiteprocData

/// Reads CSL-JSON: an array of items, a single item object, or an object with an `items` array.
///
/// Every item becomes a ``Reference`` or one error in `rejected`; warnings about what was read go to
/// `diagnostics`. Every message carries the line of the value it is about.
public struct CSLJSONReader: Sendable {
  public init() {}

  public func read(_ bytes: [UInt8], file: String) -> ReadResult {
    read(bytes, file: file, firstLine: 1)
  }

  /// Reads CSL-JSON cut out of a larger file whose line `firstLine` holds the first byte.
  package func read(_ bytes: [UInt8], file: String, firstLine: Int) -> ReadResult {
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes, firstLine: firstLine)
    } catch {
      return ReadResult(rejected: [.error(error.message, file: file, line: error.line)])
    }
    guard let items = itemNodes(of: root) else {
      let message =
        "expected an array of CSL-JSON items or an item object, found \(root.value.kindDescription)"
      return ReadResult(rejected: [.error(message, file: file, line: root.line)])
    }
    return read(items: items, file: file)
  }

  private func read(items: [JSONNode], file: String) -> ReadResult {
    var result = ReadResult()
    var takenIDs = Set(items.compactMap { $0.value.members?.last("id").flatMap(idText) })
    var decoder = ItemDecoder(file: file)
    // The items share the storage of the long values they repeat (see ``SharedValues``).
    let sharedValues = SharedValues()
    var firstLineByID: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      guard let members = item.value.members else {
        result.rejected.append(
          .error(
            "a CSL-JSON item must be an object, found \(item.value.kindDescription)", file: file,
            line: item.line))
        continue
      }
      var reference = decoder.decode(members, line: item.line)
      sharedValues.share(&reference.fields)
      if reference.id.isEmpty {
        reference.id = Self.generatedID(index: index + 1, avoiding: &takenIDs)
        decoder.warn("item has no usable 'id'; using '\(reference.id)'", line: item.line)
      }
      if let first = firstLineByID[reference.id] {
        decoder.warn(
          "id '\(reference.id)' is also used by the item at line \(first); only the last item with an id is cited by it",
          line: item.line)
      } else {
        firstLineByID[reference.id] = item.line
      }
      result.references.append(reference.reference)
    }
    result.diagnostics = decoder.diagnostics
    return result
  }

  private func itemNodes(of root: JSONNode) -> [JSONNode]? {
    switch root.value {
    case .array(let elements):
      return elements
    case .object(let members):
      if let wrapped = members.last("items"), let elements = wrapped.value.array,
        members.last("id") == nil
      {
        return elements
      }
      return [root]
    default:
      return nil
    }
  }

  /// `item-N`, with a further `-2`, `-3`, ... when the data already uses that id.
  private static func generatedID(index: Int, avoiding taken: inout Set<String>) -> String {
    var candidate = "item-\(index)"
    var attempt = 1
    while taken.contains(candidate) {
      attempt += 1
      candidate = "item-\(index)-\(attempt)"
    }
    taken.insert(candidate)
    return candidate
  }
}

/// The text of an `id` value: a non-empty string or a number.
private func idText(_ node: JSONNode) -> String? {
  guard let text = node.value.scalarText, !text.isEmpty else { return nil }
  return text
}

/// Turns one item object into a reference, collecting warnings.
struct ItemDecoder {
  let file: String
  var diagnostics: [Diagnostic] = []

  /// Older CSL-JSON keys and the CSL variables they stand for.
  static let aliases: [String: String] = [
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
  ]

  mutating func warn(_ message: String, line: Int) {
    diagnostics.append(.warning(message, file: file, line: line))
  }

  mutating func decode(_ members: [JSONMember], line: Int) -> ReferenceDraft {
    var reference = ReferenceDraft()
    let keys = Set(members.map(\.key))
    var seen: Set<String> = []
    for member in members {
      // A key met for the first time sets a variable the item does not have yet.
      let isNew = seen.insert(member.key).inserted
      if !isNew {
        warn("duplicate key '\(member.key)'; the last value is used", line: member.line)
      }
      switch member.key {
      case "id":
        if let id = idText(member.value) {
          reference.id = id
        } else {
          warn(
            "'id' must be a non-empty string or a number, found \(member.value.value.kindDescription)",
            line: member.line)
        }
      case "type":
        decodeType(member, into: &reference)
      default:
        var variable = member.key
        if let canonical = Self.aliases[member.key] {
          // The CSL name wins when both are present.
          if keys.contains(canonical) { continue }
          variable = canonical
        }
        decodeVariable(variable, member, isNew: isNew, into: &reference)
      }
    }
    NoteFieldVariables.apply(to: &reference)
    return reference
  }

  private mutating func decodeType(_ member: JSONMember, into reference: inout ReferenceDraft) {
    guard let type = member.value.value.string else {
      warn("'type' must be a string, found \(member.value.value.kindDescription)", line: member.line)
      return
    }
    if !type.isEmpty && !CSLVariables.types.contains(type) {
      warn("unknown item type '\(type)' (kept as written)", line: member.line)
    }
    reference.type = type
  }

  /// Sets `variable` from `member`; `isNew` when the item cannot have it yet (its key is met for
  /// the first time), so that it is added without a search.
  private mutating func decodeVariable(
    _ variable: String, _ member: JSONMember, isNew: Bool, into reference: inout ReferenceDraft
  ) {
    func set<Value>(_ value: Value?, in map: inout VariableMap<Value>) {
      if isNew, let value { map.appendNew(variable, value) } else { map[variable] = value }
    }
    let node = member.value
    if CSLVariables.names.contains(variable) {
      set(decodeNames(node, variable: variable), in: &reference.names)
      return
    }
    if CSLVariables.dates.contains(variable) {
      set(decodeDate(node, variable: variable), in: &reference.dates)
      return
    }
    switch node.value {
    case .string(let text), .number(let text):
      set(text, in: &reference.fields)
    case .null:
      break
    case .array(let elements) where !elements.isEmpty && elements.allSatisfy(Self.looksLikeName):
      set(decodeNames(node, variable: variable), in: &reference.names)
    default:
      warn(
        "'\(variable)' holds \(node.value.kindDescription), expected a string or a number; ignored",
        line: member.line)
    }
  }

  /// An object with at least one of the keys that make up a name.
  static func looksLikeName(_ node: JSONNode) -> Bool {
    guard let members = node.value.members else { return false }
    return members.contains { ["family", "given", "literal"].contains($0.key) }
  }
}
