import CiteprocData

extension StyleCompiler {
  mutating func compileChildren(_ parent: XMLTreeElement) -> [RenderElement] {
    var result: [RenderElement] = []
    for child in parent.children {
      if let element = compileElement(child) { result.append(element) }
    }
    return result
  }

  mutating func compileElement(_ element: XMLTreeElement) -> RenderElement? {
    nesting += 1
    defer { nesting -= 1 }
    guard checkNesting(nesting, at: element) else { return nil }
    switch element.name {
    case "text": return compileText(element)
    case "date": return compileDate(element).map(RenderElement.date)
    case "number": return compileNumber(element)
    case "names": return compileNames(element)
    case "label": return compileLabel(element, insideNames: false).map(RenderElement.label)
    case "group": return compileGroup(element)
    case "choose": return compileChoose(element)
    default:
      error("unknown element <\(element.name)>", element)
      return nil
    }
  }

  private mutating func compileText(_ element: XMLTreeElement) -> RenderElement? {
    var reader = AttributeReader(element, file: file)
    let decorations = reader.decorations(display: true, quotes: true, stripPeriods: true)
    let form: TermForm = reader.choice("form") ?? .long
    let plural = reader.bool("plural") ?? false
    let variable = reader.string("variable")
    let macro = reader.string("macro")
    let term = reader.string("term")
    let value = reader.string("value")
    finish(&reader)
    let given = [variable, macro, term, value].compactMap { $0 }
    guard given.count == 1 else {
      error("<text> needs exactly one of 'variable', 'macro', 'term' and 'value'", element)
      return nil
    }
    if !element.children.isEmpty { error("<text> has no child elements", element) }
    let source: TextElement.Source
    if let variable {
      source = .variable(VariableName(variable), form: form)
    } else if let macro {
      source = .macro(macro, expandMacro(macro, at: element))
    } else if let term {
      if !KnownTerms.isKnown(term) {
        warning(
          "unknown term '\(term)' (not defined by CSL 1.0.2; printed only if a locale defines it)", element)
      }
      source = .term(term, form: form, plural: plural)
    } else {
      source = .value(value ?? "")
    }
    return .text(TextElement(source: source, decorations: decorations))
  }

  mutating func compileDate(_ element: XMLTreeElement, inLocale: Bool = false) -> DateElement? {
    var reader = AttributeReader(element, file: file)
    let form: DateElement.Form? = reader.choice("form")
    let variable = reader.string("variable") ?? ""
    let partsShown: DateElement.PartsShown = reader.choice("date-parts") ?? .yearMonthDay
    let delimiter = reader.string("delimiter") ?? ""
    let decorations = reader.decorations(display: true)
    finish(&reader)
    if variable.isEmpty && !inLocale { error("<date> needs a 'variable' attribute", element) }
    if inLocale && form == nil { error("a locale <date> needs a 'form' attribute", element) }
    var parts: [DatePartElement] = []
    for child in element.children {
      guard child.name == "date-part" else {
        error("unknown element <\(child.name)> in <date>", child)
        continue
      }
      var partReader = AttributeReader(child, file: file)
      guard let name: DatePartElement.Name = partReader.choice("name") else {
        if child["name"] == nil { error("<date-part> needs a 'name' attribute", child) }
        diagnostics += partReader.diagnostics
        continue
      }
      let partForm: DatePartElement.Form? = partReader.choice("form")
      if let partForm, !Self.dateForm(partForm, appliesTo: name) {
        partReader.warning("form '\(partForm.rawValue)' does not apply to the \(name.rawValue); ignored")
      }
      let rangeDelimiter = partReader.string("range-delimiter")
      let hasFormatting = child.attributes.contains { $0.name != "name" && $0.name != "form" }
      let partDecorations = partReader.decorations(stripPeriods: true)
      finish(&partReader)
      parts.append(
        DatePartElement(
          name: name, form: partForm, rangeDelimiter: rangeDelimiter, decorations: partDecorations,
          hasFormatting: hasFormatting))
    }
    return DateElement(
      variable: variable, form: form, partsShown: partsShown, parts: parts, delimiter: delimiter,
      decorations: decorations)
  }

  static func dateForm(_ form: DatePartElement.Form, appliesTo name: DatePartElement.Name) -> Bool {
    switch name {
    case .day: return form == .numeric || form == .numericLeadingZeros || form == .ordinal
    case .month: return form != .ordinal
    case .year: return form == .long || form == .short
    }
  }

  private mutating func compileNumber(_ element: XMLTreeElement) -> RenderElement? {
    var reader = AttributeReader(element, file: file)
    let variable = reader.string("variable")
    let form: NumberElement.Form = reader.choice("form") ?? .numeric
    let decorations = reader.decorations(display: true)
    finish(&reader)
    guard let variable, !variable.isEmpty else {
      error("<number> needs a 'variable' attribute", element)
      return nil
    }
    return .number(NumberElement(variable: variable, form: form, decorations: decorations))
  }

  mutating func compileLabel(_ element: XMLTreeElement, insideNames: Bool) -> LabelElement? {
    var reader = AttributeReader(element, file: file)
    let variable = reader.string("variable")
    let form: TermForm = reader.choice("form") ?? .long
    let plural: Plural = reader.choice("plural") ?? .contextual
    let decorations = reader.decorations(stripPeriods: true)
    finish(&reader)
    if variable == nil && !insideNames {
      error("<label> needs a 'variable' attribute", element)
      return nil
    }
    return LabelElement(variable: variable ?? "", form: form, plural: plural, decorations: decorations)
  }

  private mutating func compileGroup(_ element: XMLTreeElement) -> RenderElement? {
    var reader = AttributeReader(element, file: file)
    let delimiter = reader.string("delimiter") ?? ""
    let decorations = reader.decorations(display: true)
    finish(&reader)
    return .group(
      GroupElement(children: compileChildren(element), delimiter: delimiter, decorations: decorations))
  }

  private mutating func compileChoose(_ element: XMLTreeElement) -> RenderElement? {
    var branches: [ChooseElement.Branch] = []
    var elseBody: [RenderElement] = []
    var sawElse = false
    for (index, child) in element.children.enumerated() {
      switch child.name {
      case "if", "else-if":
        if (child.name == "if") != (index == 0) {
          error(
            index == 0 ? "<choose> must start with <if>" : "<if> may only be the first child of <choose>",
            child)
        }
        if sawElse { error("<\(child.name)> after <else>", child) }
        if let branch = compileBranch(child) { branches.append(branch) }
      case "else":
        if index == 0 { error("<choose> must start with <if>", child) }
        if sawElse { error("<choose> has only one <else>", child) }
        sawElse = true
        var reader = AttributeReader(child, file: file)
        finish(&reader)
        elseBody = compileChildren(child)
      default:
        error("unknown element <\(child.name)> in <choose>", child)
      }
    }
    if element.children.isEmpty { error("<choose> needs an <if>", element) }
    return .choose(ChooseElement(branches: branches, elseBody: elseBody))
  }

  private mutating func compileBranch(_ element: XMLTreeElement) -> ChooseElement.Branch? {
    var reader = AttributeReader(element, file: file)
    let match: ChooseElement.Match = reader.choice("match") ?? .all
    var conditions: [ChooseElement.Condition] = []
    if let value = reader.bool("disambiguate") { conditions.append(.disambiguate(value)) }
    for name in reader.list("is-numeric") ?? [] { conditions.append(.isNumeric(name)) }
    for name in reader.list("is-uncertain-date") ?? [] { conditions.append(.isUncertainDate(name)) }
    for name in reader.list("locator") ?? [] {
      conditions.append(.locator(name == "sub-verbo" ? "sub verbo" : name))
    }
    for name in reader.list("position") ?? [] {
      guard let position = ChooseElement.Position(rawValue: name) else {
        reader.error("unknown position '\(name)'")
        continue
      }
      conditions.append(.position(position))
    }
    for name in reader.list("type") ?? [] {
      if !CSLVariables.types.contains(name) {
        reader.warning("unknown item type '\(name)'")
      }
      conditions.append(.type(name))
    }
    for name in reader.list("variable") ?? [] { conditions.append(.variable(VariableName(name))) }
    finish(&reader)
    if conditions.isEmpty {
      error("<\(element.name)> needs a condition", element)
      return nil
    }
    return ChooseElement.Branch(match: match, conditions: conditions, body: compileChildren(element))
  }
}
