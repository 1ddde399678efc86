import CiteprocData

extension StyleCompiler {
  mutating func compileNames(_ element: XMLTreeElement) -> RenderElement? {
    var reader = AttributeReader(element, file: file)
    let variables = reader.list("variable") ?? []
    let ownDelimiter = reader.string("delimiter")
    let decorations = reader.decorations(display: true)
    finish(&reader)
    if variables.isEmpty { error("<names> needs a 'variable' attribute", element) }
    let inheritedAttributes = inherited[context] ?? [:]
    if !namesAreContextFree { contextFree = false }

    var nameElement: XMLTreeElement?
    var etAlElement: XMLTreeElement?
    var labelElement: XMLTreeElement?
    var labelAfterName = false
    var substituteElement: XMLTreeElement?
    for child in element.children {
      switch child.name {
      case "name":
        nameElement = child
        if labelElement != nil { labelAfterName = false }
      case "et-al":
        etAlElement = child
      case "label":
        labelElement = child
        // A label comes after the names unless it precedes a cs:name.
        labelAfterName = true
      case "substitute":
        substituteElement = child
      default:
        error("unknown element <\(child.name)> in <names>", child)
      }
    }

    var names: NamesElement
    let isShorthand = nameElement == nil && etAlElement == nil && labelElement == nil
    if isShorthand, let parent = substituteParent {
      names = parent
      names.variables = variables
      names.substitute = nil
      names.decorations = decorations
      if let ownDelimiter { names.delimiter = ownDelimiter }
    } else {
      names = NamesElement(
        variables: variables,
        name: compileName(nameElement, inherited: inheritedAttributes, at: element),
        etAl: compileEtAl(etAlElement),
        label: labelElement.flatMap { compileLabel($0, insideNames: true) },
        labelAfterName: labelAfterName,
        substitute: nil,
        delimiter: ownDelimiter ?? inheritedAttributes["names-delimiter"] ?? "",
        decorations: decorations)
    }
    if let substituteElement {
      let savedParent = substituteParent
      substituteParent = names
      names.substitute = compileChildren(substituteElement)
      substituteParent = savedParent
    }
    return .names(names)
  }

  private mutating func compileEtAl(_ element: XMLTreeElement?) -> EtAlOptions {
    var options = EtAlOptions()
    guard let element else { return options }
    var reader = AttributeReader(element, file: file)
    if let term = reader.string("term") {
      if term != "et-al" && term != "and others" {
        reader.error("unknown value '\(term)' for attribute 'term' on <et-al>")
      }
      options.term = term
    }
    options.formatting = reader.formatting()
    options.prefix = reader.string("prefix") ?? ""
    options.suffix = reader.string("suffix") ?? ""
    finish(&reader)
    return options
  }

  private mutating func compileName(
    _ element: XMLTreeElement?, inherited: [String: String], at names: XMLTreeElement
  ) -> NameOptions {
    // The element's own attributes win over the inherited ones, which use the `name-` spellings
    // for form and delimiter.
    var attributes: [XMLTreeElement.Attribute] = []
    for (key, value) in inherited {
      switch key {
      case "name-form": attributes.append(.init(name: "form", value: value))
      case "name-delimiter": attributes.append(.init(name: "delimiter", value: value))
      case "names-delimiter": break
      default: attributes.append(.init(name: key, value: value))
      }
    }
    attributes.sort { $0.name < $1.name }
    for attribute in element?.attributes ?? [] {
      if let index = attributes.firstIndex(where: { $0.name == attribute.name }) {
        attributes[index].value = attribute.value
      } else {
        attributes.append(attribute)
      }
    }
    let merged = XMLTreeElement(
      name: "name", attributes: attributes, children: [], line: element?.line ?? names.line)
    var reader = AttributeReader(merged, file: file)
    var options = NameOptions()
    options.and = reader.choice("and")
    options.delimiter = reader.string("delimiter") ?? ", "
    options.delimiterPrecedesEtAl = reader.choice("delimiter-precedes-et-al") ?? .contextual
    options.delimiterPrecedesLast = reader.choice("delimiter-precedes-last") ?? .contextual
    options.etAlMin = reader.int("et-al-min")
    options.etAlUseFirst = reader.int("et-al-use-first")
    options.etAlSubsequentMin = reader.int("et-al-subsequent-min")
    options.etAlSubsequentUseFirst = reader.int("et-al-subsequent-use-first")
    options.etAlUseLast = reader.bool("et-al-use-last") ?? false
    options.form = reader.choice("form") ?? .long
    options.initialize = reader.bool("initialize") ?? true
    options.initializeWith = reader.string("initialize-with")
    options.nameAsSortOrder = reader.choice("name-as-sort-order")
    options.sortSeparator = reader.string("sort-separator") ?? ", "
    options.decorations = reader.decorations(textCase: false)
    finish(&reader)

    for part in element?.children ?? [] {
      guard part.name == "name-part" else {
        error("unknown element <\(part.name)> in <name>", part)
        continue
      }
      var partReader = AttributeReader(part, file: file)
      let which = partReader.string("name")
      var partOptions = NamePartOptions()
      partOptions.formatting = partReader.formatting()
      partOptions.textCase = partReader.choice("text-case")
      partOptions.prefix = partReader.string("prefix") ?? ""
      partOptions.suffix = partReader.string("suffix") ?? ""
      finish(&partReader)
      switch which {
      case "given": options.givenPart = partOptions
      case "family": options.familyPart = partOptions
      default: error("<name-part> needs name=\"given\" or name=\"family\"", part)
      }
    }
    return options
  }
}
