import CiteprocData

extension Evaluator {
  mutating func renderNames(_ element: NamesElement) -> (Node, VariableUse) {
    var lists: [(String, [Name])] = []
    for variable in element.variables where !suppressed.contains(variable) {
      if let names = reference.nameList(variable), !names.isEmpty { lists.append((variable, names)) }
    }
    if lists.isEmpty {
      // The names element's own affixes and formatting go around what substitutes for it.
      let (node, use) = substitute(element)
      return (node.decorated(element.decorations), use)
    }
    for (variable, _) in lists { noteRendered(variable) }
    // Identical editor and translator lists are printed once with the combined term.
    var labelVariables: [String] = lists.map(\.0)
    if let e = lists.firstIndex(where: { $0.0 == "editor" }),
      let t = lists.firstIndex(where: { $0.0 == "translator" }),
      lists[e].1 == lists[t].1, !locale.text("editortranslator", form: element.label?.form ?? .long).isEmpty
    {
      labelVariables[min(e, t)] = "editortranslator"
      lists.remove(at: max(e, t))
      labelVariables.remove(at: max(e, t))
    }

    if element.name.form == .count {
      var total = 0
      for (_, names) in lists { total += shownNames(names, element.name).count }
      if total == 0 { return (.empty, .empty) }
      return (Node.text(String(total)).decorated(element.decorations), .rendered)
    }

    var rendered: [Node] = []
    for (index, (_, names)) in lists.enumerated() {
      var list = marked(.nameList, renderNameList(names, element))
      if mode != .sortKey, let label = element.label, !list.isEmpty {
        let labelNode = nameLabel(label, variable: labelVariables[index], count: names.count)
        if !labelNode.isEmpty {
          list = element.labelAfterName ? .sequence([list, labelNode]) : .sequence([labelNode, list])
        }
      }
      rendered.append(list)
    }
    nameListsRendered += 1
    let node = join(rendered, delimiter: element.delimiter)
    if node.isEmpty { return (.empty, .empty) }
    return (marked(.names, node).decorated(element.decorations), .rendered)
  }

  private mutating func substitute(_ element: NamesElement) -> (Node, VariableUse) {
    guard let substitutes = element.substitute else { return (.empty, .empty) }
    for candidate in substitutes {
      let before = renderedVariables.count
      substituteDepth += 1
      let (node, use) = render(candidate)
      substituteDepth -= 1
      // A term or value ends the search even when it is empty.
      if node.isEmpty, case .text(let text) = candidate {
        switch text.source {
        case .term, .value: return (.empty, use)
        default: break
        }
      }
      if !node.isEmpty {
        for variable in renderedVariables[before...] { suppressed.insert(variable) }
        let tagged: Node = if case .names = candidate { node } else { marked(.names, node) }
        return (tagged, .rendered)
      }
    }
    return (.empty, .empty)
  }

  private func nameLabel(_ label: LabelElement, variable: String, count: Int) -> Node {
    let plural: Bool
    switch label.plural {
    case .always: plural = true
    case .never: plural = false
    case .contextual: plural = count > 1
    }
    let text = locale.text(variable, form: label.form, plural: plural)
    if text.isEmpty { return .empty }
    return finishText(.text(text), label.decorations)
  }

  /// The et-al settings that apply here (sort-key overrides, subsequent cites).
  private func etAlLimits(_ options: NameOptions) -> (min: Int?, useFirst: Int?, useLast: Bool) {
    var min = options.etAlMin
    var useFirst = options.etAlUseFirst
    if inCitation && cite.position >= .subsequent {
      if let m = options.etAlSubsequentMin { min = m }
      if let u = options.etAlSubsequentUseFirst { useFirst = u }
    }
    var useLast = options.etAlUseLast
    if let key = sortNameOverrides {
      if let m = key.namesMin { min = m }
      if let u = key.namesUseFirst { useFirst = u }
      if let l = key.namesUseLast { useLast = l }
    }
    return (min, useFirst, useLast)
  }

  /// Names added by disambiguation; sort keys keep the style's et-al settings.
  /// Names added by disambiguation: only in the first name list of a cite or entry.
  private var addedNames: Int { mode == .sortKey || nameListsRendered > 0 ? 0 : cite.extraNames }

  /// The names shown before et-al.
  func shownNames(_ names: [Name], _ options: NameOptions) -> [Name] {
    let limits = etAlLimits(options)
    guard let min = limits.min, let useFirst = limits.useFirst, names.count >= min else { return names }
    let shown = Swift.min(names.count, useFirst + addedNames)
    return Array(names.prefix(shown))
  }

  private mutating func renderNameList(_ names: [Name], _ element: NamesElement) -> Node {
    let options = element.name
    let limits = etAlLimits(options)
    var shownCount = names.count
    var truncated = false
    if let min = limits.min, let useFirst = limits.useFirst, names.count >= min {
      let count = Swift.min(names.count, useFirst + addedNames)
      if count < names.count {
        shownCount = count
        truncated = true
      }
    }
    if shownCount == 0 { return .empty }
    renderedNameLists?.append(
      RenderedNameList(
        names: names, usesInitials: options.initializeWith != nil && options.initialize, shown: shownCount))
    let sortOrder = mode == .sortKey

    var parts: [Node] = []
    var inverted: [Bool] = []
    parts.reserveCapacity(shownCount)
    inverted.reserveCapacity(shownCount)
    for index in 0..<shownCount {
      let invert =
        sortOrder || options.nameAsSortOrder == .all || (options.nameAsSortOrder == .first && index == 0)
      let level = nameListsRendered > 0 ? 0 : cite.givennameLevels[index] ?? 0
      parts.append(marked(.name, formatName(names[index], options, inverted: invert, givennameLevel: level)))
      inverted.append(invert && !isNonLatin(names[index]) && names[index].literal == nil)
    }

    // The word before the last name, looked up only when there is a last name to put it before.
    let andWord: String? =
      switch options.and {
      case .text where parts.count > 1 && !truncated: locale.text("and")
      case .symbol: "&"
      case .text, nil: nil
      }
    let useLast = truncated && limits.useLast && names.count > shownCount + 1
    if sortOrder {
      // Sort keys compare name by name: no "and", one plain separator.
      // With names-use-last, the last name follows the shown ones.
      var keyParts = parts
      if useLast, let last = names.last {
        keyParts.append(formatName(last, options, inverted: true, givennameLevel: 0))
      }
      return join(keyParts, delimiter: "  ")
    }
    var out: [Node] = []
    // The names, what goes between them and what follows them.
    out.reserveCapacity(parts.count * 2 + 2)
    for index in parts.indices {
      if index > 0 {
        let isLast = index == parts.count - 1 && !truncated
        if isLast, let andWord, !useLast {
          let useDelimiter: Bool
          switch options.delimiterPrecedesLast {
          case .always: useDelimiter = true
          case .never: useDelimiter = false
          case .contextual: useDelimiter = parts.count >= 3
          case .afterInvertedName: useDelimiter = inverted[index - 1]
          }
          // An institution after personal names is joined as its own list: always with the delimiter.
          let institution = names[index].literal != nil && names[index - 1].literal == nil && index >= 2
          out.append(
            .text(useDelimiter || institution ? options.delimiter + andWord + " " : " " + andWord + " "))
        } else {
          out.append(.text(options.delimiter))
        }
      }
      out.append(parts[index])
    }

    if truncated && mode != .sortKey {
      if useLast, let last = names.last {
        out.append(.text(options.delimiter + "\u{2026} "))
        out.append(formatName(last, options, inverted: options.nameAsSortOrder == .all, givennameLevel: 0))
      } else {
        let term = locale.text(element.etAl.term)
        if !term.isEmpty {
          let useDelimiter: Bool
          switch options.delimiterPrecedesEtAl {
          case .always: useDelimiter = true
          case .never: useDelimiter = false
          case .contextual: useDelimiter = shownCount >= 2
          case .afterInvertedName: useDelimiter = inverted.last ?? false
          }
          // A term in a script written without spaces ("等") follows the names directly.
          let spaceless = term.unicodeScalars.first.map { (0x2E80...0x9FFF).contains($0.value) } ?? false
          out.append(.text(useDelimiter ? options.delimiter : (spaceless ? "" : " ")))
          var etAl = Node.text(term)
          if !element.etAl.formatting.isEmpty { etAl = .styled(element.etAl.formatting, etAl) }
          out.append(.sequence([.text(element.etAl.prefix), etAl, .text(element.etAl.suffix)]))
        }
      }
    }
    return Node.sequence(out).decorated(options.decorations)
  }

  func isNonLatin(_ name: Name) -> Bool {
    Self.hasNonLatinScalars(name.family) || Self.hasNonLatinScalars(name.given)
  }

  /// Whether `text` has a kana, CJK or hangul scalar. Those are all above U+3000, so a text without
  /// a UTF-8 byte from E3 up has none.
  static func hasNonLatinScalars(_ text: String?) -> Bool {
    guard let text, text.containsUTF8(where: { $0 >= 0xE3 }) else { return false }
    return text.unicodeScalars.contains { s in
      let v = s.value
      return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }
  }

  /// One name in the form the options ask for. Particles keep the formatting of the part they
  /// belong to (the non-dropping particle the family name's, the dropping particle the given
  /// name's); the name-part affixes go around the whole family or given group.
  func formatName(_ name: Name, _ options: NameOptions, inverted: Bool, givennameLevel: Int) -> Node {
    if let literal = name.literal, !literal.isEmpty {
      return styledPart(RichText.parse(literal), options.familyPart)
    }
    let family = Self.typographic(name.family ?? "")
    let nonDropping = Self.typographic(name.nonDroppingParticle ?? "")
    let dropping = Self.typographic(name.droppingParticle ?? "")
    var suffix = name.suffix ?? ""
    var given = Self.typographic(name.given ?? "")

    if isNonLatin(name) {
      let familyNode = styledPart(.text(family), options.familyPart)
      if options.form == .short && givennameLevel == 0 { return familyNode }
      return .sequence([familyNode, styledPart(.text(given), options.givenPart)])
    }
    if family.isEmpty && nonDropping.isEmpty {
      // A name with only a given name ("Banksy") is printed as written.
      let core = [given, dropping].filter { !$0.isEmpty }.joined(separator: " ")
      return styledPart(.text(core), options.givenPart)
    }

    var form = options.form
    var initializeWith = options.initializeWith
    if givennameLevel >= 1 && form == .short { form = .long }
    if givennameLevel >= 2 { initializeWith = nil }
    if let initializeWith, suffix.containsUTF8(0x2E), !initializeWith.contains("."), suffix.contains(".") {
      // Initials without periods take the suffix without periods too ("Smith JR Jr").
      suffix = suffix.replacing(".", with: "")
    }
    if let initializeWith, !given.isEmpty {
      let hyphen = style.options.initializeWithHyphen
      given =
        Initials.makeMarked(given, with: initializeWith, initialize: options.initialize, hyphen: hyphen)
        ?? Initials.make(given, with: initializeWith, initialize: options.initialize, hyphen: hyphen)
    }

    if let plain = Self.plainName(
      family: family, given: given, form: form, inverted: inverted, options: options,
      hasParticlesOrSuffix: !dropping.isEmpty || !nonDropping.isEmpty || !suffix.isEmpty)
    {
      return plain
    }

    // The pieces, each with its own formatting, and the joiner after it.
    typealias Piece = (text: String, part: NamePartOptions)
    func group(_ pieces: [Piece], affixes: NamePartOptions, trailing: String = "") -> Node {
      guard let lastPresent = pieces.lastIndex(where: { !$0.text.isEmpty }) else { return .empty }
      let hasAffixes = !affixes.prefix.isEmpty || !affixes.suffix.isEmpty
      var nodes: [Node] = []
      nodes.reserveCapacity(2 * pieces.count + 2)
      if hasAffixes { nodes.append(.text(affixes.prefix)) }
      var previous: String?
      for index in pieces.indices where !pieces[index].text.isEmpty {
        var text = pieces[index].text
        // A particle kept with its trailing space ("de' ") needs none at the end of a group.
        if index == lastPresent { while Self.endsWithSpace(text) { text.removeLast() } }
        if let previous { nodes.append(.text(particleJoiner(previous))) }
        nodes.append(formatted(Self.partNode(text), pieces[index].part))
        previous = text
      }
      if !trailing.isEmpty { nodes.append(.text(trailing)) }
      if hasAffixes { nodes.append(.text(affixes.suffix)) }
      return .sequence(nodes)
    }
    let familyPart = options.familyPart
    let givenPart = options.givenPart

    if form == .short {
      return group([(nonDropping, familyPart), (family, familyPart)], affixes: familyPart)
    }

    let demote = style.options.demoteNonDroppingParticle
    if inverted {
      let demoted = demote == .displayAndSort || (demote == .sortOnly && mode == .sortKey)
      let familyGroup = group(
        demoted ? [(family, familyPart)] : [(nonDropping, familyPart), (family, familyPart)],
        affixes: familyPart)
      let givenGroup = group(
        demoted
          ? [(given, givenPart), (dropping, givenPart), (nonDropping, familyPart)]
          : [(given, givenPart), (dropping, givenPart)], affixes: givenPart)
      var pieces: [Node] = [familyGroup]
      if !givenGroup.isEmpty {
        pieces.append(.text(options.sortSeparator))
        pieces.append(givenGroup)
      }
      if !suffix.isEmpty { pieces.append(.text(options.sortSeparator + suffix)) }
      return .sequence(pieces)
    }

    var pieces: [Node] = []
    let givenGroup = group([(given, givenPart)], affixes: givenPart)
    // The family name's affixes enclose its particles and the suffix ("(de La Fontaine III)").
    let familyGroup = group(
      [(dropping, givenPart), (nonDropping, familyPart), (family, familyPart)], affixes: familyPart,
      trailing: suffix.isEmpty ? "" : (name.commaSuffix ? ", " : " ") + suffix)
    if !givenGroup.isEmpty { pieces.append(givenGroup) }
    if !familyGroup.isEmpty {
      // No space when the given name's suffix already ends in one (a no-break space, say).
      let givenEndsInSpace = givenPart.suffix.last.map { $0 == " " || $0 == "\u{00A0}" } ?? false
      if !pieces.isEmpty && !givenEndsInSpace { pieces.append(.text(" ")) }
      pieces.append(familyGroup)
    }
    return .sequence(pieces)
  }

  /// The most common name as one text: family and given name only, name parts without formatting,
  /// text case or affixes. Joining the parts in one text gives what the groups of
  /// ``formatName(_:_:inverted:givennameLevel:)`` give when the edges between the parts are ones
  /// the finisher's punctuation and space rules leave alone (a letter or the like on each side),
  /// and no part ends in a space (a group drops it). Nil otherwise.
  static func plainName(
    family: String, given: String, form: NameOptions.Form, inverted: Bool, options: NameOptions,
    hasParticlesOrSuffix: Bool
  ) -> Node? {
    guard !hasParticlesOrSuffix, isPlain(options.familyPart), isPlain(options.givenPart),
      let familyEdges = edges(family)
    else { return nil }
    if form == .short || given.isEmpty {
      return familyEdges.last == 0x20 ? nil : .text(family)
    }
    guard let givenEdges = edges(given) else { return nil }
    let other = PunctuationChar.other
    if inverted {
      guard familyEdges.last == other, givenEdges.first == other, givenEdges.last != 0x20 else { return nil }
      return .text(family + options.sortSeparator + given)
    }
    guard givenEdges.last == other, familyEdges.first == other, familyEdges.last != 0x20 else { return nil }
    return .text(given + " " + family)
  }

  private static func isPlain(_ part: NamePartOptions) -> Bool {
    part.formatting.isEmpty && part.textCase == nil && part.prefix.isEmpty && part.suffix.isEmpty
  }

  /// The first and last characters of `text` as ``PunctuationChar`` reads them; nil when it is
  /// empty or has markup.
  private static func edges(_ text: String) -> (first: UInt8, last: UInt8)? {
    guard let first = PunctuationChar.first(of: text), let last = PunctuationChar.last(of: text),
      !text.containsUTF8(UInt8(ascii: "<"))
    else { return nil }
    return (first, last)
  }

  /// Whether the last character of `text` is a space: `text.last == " "`, read from the bytes
  /// when the space follows an ASCII character (then it is a character of its own).
  static func endsWithSpace(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard let last = utf8.last else { return false }
    if last != 0x20 { return false }
    let end = utf8.index(before: utf8.endIndex)
    if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 { return true }
    return text.last == " "
  }

  /// A name part as a node: rich text when it holds markup (`<b>Doe</b>`), plain text otherwise.
  static func partNode(_ text: String) -> Node {
    text.containsUTF8(UInt8(ascii: "<")) ? RichText.parse(text) : .text(text)
  }

  /// Straight apostrophes in names become typographic ones ("O'Brien" → "O’Brien").
  static func typographic(_ s: String) -> String {
    // The byte test first: Foundation's search is slow, and most names have no apostrophe.
    s.containsUTF8(0x27) && s.contains("'") ? s.replacing("'", with: "\u{2019}") : s
  }

  /// Particles ending in an apostrophe or hyphen join the family name without a space.
  private func particleJoiner(_ particle: String) -> String {
    guard let last = particle.last else { return " " }
    return last == "'" || last == "\u{2019}" || last == "-" || last == " " ? "" : " "
  }

  private func styledPart(_ node: Node, _ part: NamePartOptions) -> Node {
    let node = formatted(node, part)
    if part.prefix.isEmpty && part.suffix.isEmpty { return node }
    return .sequence([.text(part.prefix), node, .text(part.suffix)])
  }

  /// A name part's text case and formatting, without its affixes.
  private func formatted(_ node: Node, _ part: NamePartOptions) -> Node {
    var node = node
    if let textCase = part.textCase { node = textCaser.apply(textCase, to: node) }
    if !part.formatting.isEmpty { node = .styled(part.formatting, node) }
    return node
  }
}
