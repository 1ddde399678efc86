import CiteprocData

extension ItemDecoder {
  /// A name variable: an array of name objects (or strings, read as literal names).
  mutating func decodeNames(_ node: JSONNode, variable: String) -> [Name] {
    let elements: [JSONNode]
    switch node.value {
    case .array(let list):
      elements = list
    case .object, .string:
      warn("'\(variable)' should be an array of names; read as one name", line: node.line)
      elements = [node]
    case .null:
      return []
    default:
      warn(
        "'\(variable)' holds \(node.value.kindDescription), expected an array of names; ignored",
        line: node.line)
      return []
    }
    var names: [Name] = []
    for element in elements {
      switch element.value {
      case .string(let text):
        let literal = text.trimmingSpaces()
        if !literal.isEmpty { names.append(.literal(literal)) }
      case .object(let members):
        if let name = decodeName(members, line: element.line) { names.append(name) }
      default:
        warn(
          "a name in '\(variable)' must be an object, found \(element.value.kindDescription); ignored",
          line: element.line)
      }
    }
    return names
  }

  /// One name object. Returns nil (with a warning) for a name with no usable part.
  mutating func decodeName(_ members: [JSONMember], line: Int) -> Name? {
    var name = Name()
    var parse = true
    var institution = false
    for member in members {
      let value = member.value.value
      switch member.key {
      case "family": name.family = nameText(member)
      case "given": name.given = nameText(member)
      case "dropping-particle": name.droppingParticle = nameText(member)
      case "non-dropping-particle":
        // A particle ending in an apostrophe keeps a space written after it ("de' " + "Frinkle"):
        // it is then printed apart from the name, not glued to it.
        name.nonDroppingParticle = nameText(member).map { particle in
          let spaced =
            (particle.last == "'" || particle.last == "’") && member.value.value.scalarText?.last == " "
          return spaced ? particle + " " : particle
        }
      case "suffix": name.suffix = nameText(member)
      case "literal": name.literal = nameText(member)
      case "comma-suffix": name.commaSuffix = value.isTruthy
      case "static-ordering": name.staticOrdering = value.isTruthy
      case "parse-names": parse = value.isTruthy
      case "isInstitution": institution = value.isTruthy
      default: warn("unknown name key '\(member.key)' ignored", line: member.line)
      }
    }
    if let literal = name.literal {
      return Name(literal: literal)
    }
    if institution, let family = name.family {
      return Name(literal: family)
    }
    if name.isEmpty {
      warn("a name with no family, given or literal part is ignored", line: line)
      return nil
    }
    return parse ? NameParticles.split(name) : name
  }

  /// A name part: a string or number, trimmed; nil when empty or of another kind.
  private mutating func nameText(_ member: JSONMember) -> String? {
    guard let text = member.value.value.scalarText else {
      if member.value.value != .null {
        warn(
          "name part '\(member.key)' must be a string, found \(member.value.value.kindDescription)",
          line: member.line)
      }
      return nil
    }
    let trimmed = text.trimmingSpaces()
    return trimmed.isEmpty ? nil : trimmed
  }
}
