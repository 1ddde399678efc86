import CiteprocData

extension Evaluator {
  mutating func renderNames(_ element: NamesElement) -> (Node, VariableUse) {
    var lists: [(String, [Name])] = []
    for variable in element.variables where !suppressed.contains(variable) {
      if let names = reference.names[variable], !names.isEmpty { lists.append((variable, names)) }
    }
    if lists.isEmpty {
      return substitute(element)
    }
    renderedVariables += lists.map(\.0)
    // Identical editor and translator lists are printed once with the combined term.
    var labelVariables: [String] = lists.map(\.0)
    if let e = lists.firstIndex(where: { $0.0 == "editor" }),
      let t = lists.firstIndex(where: { $0.0 == "translator" }),
      lists[e].1 == lists[t].1
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
      var list = renderNameList(names, element)
      if mode != .sortKey, let label = element.label, !list.isEmpty {
        let labelNode = nameLabel(label, variable: labelVariables[index], count: names.count)
        if !labelNode.isEmpty {
          list = element.labelAfterName ? .sequence([list, labelNode]) : .sequence([labelNode, list])
        }
      }
      rendered.append(list)
    }
    let node = join(rendered, delimiter: element.delimiter)
    if node.isEmpty { return (.empty, .empty) }
    return (.tagged(.names, node.decorated(element.decorations)), .rendered)
  }

  private mutating func substitute(_ element: NamesElement) -> (Node, VariableUse) {
    guard let substitutes = element.substitute else { return (.empty, .empty) }
    for candidate in substitutes {
      let before = renderedVariables.count
      let (node, _) = render(candidate)
      if !node.isEmpty {
        for variable in renderedVariables[before...] { suppressed.insert(variable) }
        let tagged: Node = if case .names = candidate { node } else { .tagged(.names, node) }
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

  /// The names shown before et-al.
  func shownNames(_ names: [Name], _ options: NameOptions) -> [Name] {
    let limits = etAlLimits(options)
    guard let min = limits.min, let useFirst = limits.useFirst, names.count >= min else { return names }
    let shown = Swift.min(names.count, useFirst + cite.extraNames)
    return Array(names.prefix(shown))
  }

  private mutating func renderNameList(_ names: [Name], _ element: NamesElement) -> Node {
    let options = element.name
    let limits = etAlLimits(options)
    var shownCount = names.count
    var truncated = false
    if let min = limits.min, let useFirst = limits.useFirst, names.count >= min {
      let count = Swift.min(names.count, useFirst + cite.extraNames)
      if count < names.count {
        shownCount = count
        truncated = true
      }
    }
    if shownCount == 0 { return .empty }
    let sortOrder = mode == .sortKey

    var parts: [Node] = []
    var inverted: [Bool] = []
    for index in 0..<shownCount {
      let invert =
        sortOrder || options.nameAsSortOrder == .all || (options.nameAsSortOrder == .first && index == 0)
      let level = cite.givennameLevels[index] ?? 0
      parts.append(formatName(names[index], options, inverted: invert, givennameLevel: level))
      inverted.append(invert && !isNonLatin(names[index]) && names[index].literal == nil)
    }

    // Sort keys hold the names only, without the "and" between the last two.
    let andWord: String? =
      switch mode == .sortKey ? nil : options.and {
      case .text: locale.text("and")
      case .symbol: "&"
      case nil: nil
      }
    let useLast = truncated && limits.useLast && names.count > shownCount + 1
    var out: [Node] = []
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
          out.append(.text(useDelimiter ? options.delimiter + andWord + " " : " " + andWord + " "))
        } else {
          out.append(.text(options.delimiter))
        }
      }
      out.append(parts[index])
    }

    if truncated && mode == .sortKey {
      // Sort keys hold the names only: the last name after the ellipsis, no et-al term.
      if useLast, let last = names.last {
        out.append(.text(options.delimiter))
        out.append(formatName(last, options, inverted: true, givennameLevel: 0))
      }
    } else if truncated {
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
          out.append(.text(useDelimiter ? options.delimiter : " "))
          var etAl = Node.text(term)
          if !element.etAl.formatting.isEmpty { etAl = .styled(element.etAl.formatting, etAl) }
          out.append(.sequence([.text(element.etAl.prefix), etAl, .text(element.etAl.suffix)]))
        }
      }
    }
    return Node.sequence(out).decorated(options.decorations)
  }

  func isNonLatin(_ name: Name) -> Bool {
    let text = (name.family ?? "") + (name.given ?? "")
    return text.unicodeScalars.contains { s in
      let v = s.value
      return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }
  }

  /// One name in the form the options ask for.
  func formatName(_ name: Name, _ options: NameOptions, inverted: Bool, givennameLevel: Int) -> Node {
    if let literal = name.literal, !literal.isEmpty {
      return styledPart(RichText.parse(literal), options.familyPart)
    }
    let family = Self.typographic(name.family ?? "")
    let nonDropping = Self.typographic(name.nonDroppingParticle ?? "")
    let dropping = Self.typographic(name.droppingParticle ?? "")
    let suffix = name.suffix ?? ""
    var given = Self.typographic(name.given ?? "")

    if isNonLatin(name) {
      let familyNode = styledPart(.text(family), options.familyPart)
      if options.form == .short && givennameLevel == 0 { return familyNode }
      return .sequence([familyNode, styledPart(.text(given), options.givenPart)])
    }

    var form = options.form
    var initializeWith = options.initializeWith
    if givennameLevel >= 1 && form == .short { form = .long }
    if givennameLevel >= 2 { initializeWith = nil }

    let familyWithParticle = [nonDropping, family].filter { !$0.isEmpty }.joined(
      separator: particleJoiner(nonDropping))
    if form == .short || given.isEmpty && dropping.isEmpty {
      let core =
        form == .short
        ? familyWithParticle
        : [dropping, familyWithParticle].filter { !$0.isEmpty }.joined(separator: " ")
      var node = styledPart(.text(core), options.familyPart)
      if form != .short && !suffix.isEmpty {
        node = .sequence([node, .text((name.commaSuffix || inverted ? ", " : " ") + suffix)])
      }
      return node
    }

    if let initializeWith {
      given = Initials.make(
        given, with: initializeWith, initialize: options.initialize,
        hyphen: style.options.initializeWithHyphen)
    }

    let demote = style.options.demoteNonDroppingParticle
    if inverted {
      // Family first: "van Gogh, Vincent" or, demoted, "Gogh, Vincent van".
      let familyCore: String
      var givenCore = [given, dropping].filter { !$0.isEmpty }.joined(separator: " ")
      if demote == .displayAndSort || (demote == .sortOnly && mode == .sortKey) {
        familyCore = family
        givenCore = [givenCore, nonDropping].filter { !$0.isEmpty }.joined(separator: " ")
      } else {
        familyCore = familyWithParticle
      }
      var pieces: [Node] = [styledPart(.text(familyCore), options.familyPart)]
      if !givenCore.isEmpty {
        pieces.append(.text(options.sortSeparator))
        pieces.append(styledPart(.text(givenCore), options.givenPart))
      }
      if !suffix.isEmpty { pieces.append(.text(options.sortSeparator + suffix)) }
      return .sequence(pieces)
    }

    var pieces: [Node] = []
    if !given.isEmpty { pieces.append(styledPart(.text(given), options.givenPart)) }
    let familyCore = [dropping, familyWithParticle].filter { !$0.isEmpty }.joined(separator: " ")
    if !familyCore.isEmpty {
      if !pieces.isEmpty { pieces.append(.text(" ")) }
      pieces.append(styledPart(.text(familyCore), options.familyPart))
    }
    if !suffix.isEmpty { pieces.append(.text((name.commaSuffix ? ", " : " ") + suffix)) }
    return .sequence(pieces)
  }

  /// Straight apostrophes in names become typographic ones ("O'Brien" → "O’Brien").
  static func typographic(_ s: String) -> String {
    s.contains("'") ? s.replacing("'", with: "\u{2019}") : s
  }

  /// Particles ending in an apostrophe or hyphen join the family name without a space.
  private func particleJoiner(_ particle: String) -> String {
    guard let last = particle.last else { return " " }
    return last == "'" || last == "\u{2019}" || last == "-" ? "" : " "
  }

  private func styledPart(_ node: Node, _ part: NamePartOptions) -> Node {
    var node = node
    if let textCase = part.textCase { node = TextCaser(language: locale.language).apply(textCase, to: node) }
    if !part.formatting.isEmpty { node = .styled(part.formatting, node) }
    if !part.prefix.isEmpty || !part.suffix.isEmpty {
      node = .sequence([.text(part.prefix), node, .text(part.suffix)])
    }
    return node
  }
}

/// Turns given names into initials ("John Ronald" → "J. R.").
enum Initials {
  /// `separator` follows each initial (`". "`, `"."`, `""`). With `initialize` false, full given
  /// names stay and only existing initials are normalised. Compound names keep a hyphen
  /// ("J.-P.") when `hyphen` is true.
  static func make(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String {
    let trimmed = String(separator.reversed().drop { $0 == " " }.reversed())
    var out = ""
    for word in given.split(separator: " ", omittingEmptySubsequences: true) {
      if word.first?.isLowercase == true {
        out += word + " "
        continue
      }
      let pieces = word.split(separator: "-", omittingEmptySubsequences: true)
      for (index, piece) in pieces.enumerated() {
        let isLastPiece = index == pieces.count - 1
        let letters = piece.filter { $0 != "." }
        guard let first = letters.first else { continue }
        let initials: [Character]
        if letters.count == 1 {
          initials = [first]
        } else if letters.count <= 3 && letters.allSatisfy({ $0.isUppercase }) && !piece.contains(".") {
          initials = Array(letters)
        } else if !initialize {
          out += piece + (isLastPiece ? " " : "-")
          continue
        } else {
          initials = [first]
        }
        for letter in initials { out += String(letter) + separator }
        if !isLastPiece {
          if out.hasSuffix(separator) { out.removeLast(separator.count) }
          out += trimmed + (hyphen ? "-" : "")
        }
      }
    }
    while out.last == " " { out.removeLast() }
    return out
  }
}
