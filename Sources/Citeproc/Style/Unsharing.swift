/// Copies of a compiled style that share no reference-counted storage with the original.
///
/// Rendering copies elements, strings and arrays of the style at every step, and every copy
/// counts a reference on the shared storage: an atomic write to memory that all cores read. When
/// several cores render with the same style, those writes make the cores wait for each other's
/// caches. Each worker therefore renders with its own copy (see ``Processor/unshared()``). A copy
/// is equal to its original; only where its storage lives differs.
extension String {
  /// A copy with its own storage. Strings of up to 15 UTF-8 bytes are stored inline and need none.
  func unshared() -> String {
    let count = utf8.count
    guard count > 15 else { return self }
    return String(unsafeUninitializedCapacity: count) { buffer in
      buffer.initialize(fromContentsOf: utf8)
    }
  }
}

extension Optional<String> {
  func unshared() -> String? { map { $0.unshared() } }
}

extension Array where Element == String {
  func unshared() -> [String] { map { $0.unshared() } }
}

/// Copies lists of elements once each, so that a list the style holds in several places (the body
/// of a macro called from several places, or shared by the citation and the bibliography) is one
/// list in the copy too.
struct Unsharer {
  /// Copies by the address of the original's storage (the original is alive while it is copied).
  private var copied: [UnsafeRawPointer: [RenderElement]] = [:]

  mutating func elements(_ elements: [RenderElement]) -> [RenderElement] {
    guard !elements.isEmpty else { return [] }
    let address = elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    if let address, let copy = copied[address] { return copy }
    let copy = elements.map { element($0) }
    if let address { copied[address] = copy }
    return copy
  }

  mutating func element(_ element: RenderElement) -> RenderElement {
    switch element {
    case .text(let text): return .text(self.text(text))
    case .date(let date): return .date(date.unshared())
    case .number(let number): return .number(number.unshared())
    case .names(let names):
      var copy = names
      copy.variables = names.variables.unshared()
      copy.name = names.name.unshared()
      copy.etAl = names.etAl.unshared()
      copy.label = names.label?.unshared()
      copy.substitute = names.substitute.map { elements($0) }
      copy.delimiter = names.delimiter.unshared()
      copy.decorations = names.decorations.unshared()
      return .names(copy)
    case .label(let label): return .label(label.unshared())
    case .group(let group):
      return .group(
        GroupElement(
          children: elements(group.children), delimiter: group.delimiter.unshared(),
          decorations: group.decorations.unshared()))
    case .choose(let choose):
      var copy = choose
      copy.branches = choose.branches.map { branch in
        var copy = branch
        copy.conditions = branch.conditions.map { $0.unshared() }
        copy.body = elements(branch.body)
        return copy
      }
      copy.elseBody = elements(choose.elseBody)
      return .choose(copy)
    }
  }

  private mutating func text(_ text: TextElement) -> TextElement {
    let source: TextElement.Source
    switch text.source {
    case .variable(let variable, let form): source = .variable(variable.unshared(), form: form)
    case .macro(let name, let body): source = .macro(name.unshared(), elements(body))
    case .term(let name, let form, let plural): source = .term(name.unshared(), form: form, plural: plural)
    case .value(let value): source = .value(value.unshared())
    }
    return TextElement(source: source, decorations: text.decorations.unshared())
  }
}

/// Values whose only strings are their affixes.
private protocol Affixed {
  var prefix: String { get set }
  var suffix: String { get set }
}

extension Affixed {
  func unshared() -> Self {
    var copy = self
    copy.prefix = prefix.unshared()
    copy.suffix = suffix.unshared()
    return copy
  }
}

extension Decorations: Affixed {}
extension NamePartOptions: Affixed {}

/// Elements whose only strings are a variable's name and their decorations.
private protocol VariableDecorated {
  var variable: String { get set }
  var decorations: Decorations { get set }
}

extension VariableDecorated {
  func unshared() -> Self {
    var copy = self
    copy.variable = variable.unshared()
    copy.decorations = decorations.unshared()
    return copy
  }
}

extension NumberElement: VariableDecorated {}
extension LabelElement: VariableDecorated {}

extension DateElement {
  func unshared() -> DateElement {
    var copy = self
    copy.variable = variable.unshared()
    copy.parts = parts.map { part in
      var copy = part
      copy.rangeDelimiter = part.rangeDelimiter.unshared()
      copy.decorations = part.decorations.unshared()
      return copy
    }
    copy.delimiter = delimiter.unshared()
    copy.decorations = decorations.unshared()
    return copy
  }
}

extension ChooseElement.Condition {
  func unshared() -> Self {
    switch self {
    case .disambiguate, .position: return self
    case .isNumeric(let name): return .isNumeric(name.unshared())
    case .isUncertainDate(let name): return .isUncertainDate(name.unshared())
    case .locator(let name): return .locator(name.unshared())
    case .type(let name): return .type(name.unshared())
    case .variable(let variable): return .variable(variable.unshared())
    }
  }
}

extension VariableName {
  func unshared() -> VariableName { withName(name.unshared()) }
}

extension NameOptions {
  func unshared() -> NameOptions {
    var copy = self
    copy.delimiter = delimiter.unshared()
    copy.initializeWith = initializeWith.unshared()
    copy.sortSeparator = sortSeparator.unshared()
    copy.familyPart = familyPart.unshared()
    copy.givenPart = givenPart.unshared()
    copy.decorations = decorations.unshared()
    return copy
  }
}

extension EtAlOptions {
  func unshared() -> EtAlOptions {
    var copy = self
    copy.term = term.unshared()
    copy.prefix = prefix.unshared()
    copy.suffix = suffix.unshared()
    return copy
  }
}

extension Layout {
  func unshared(_ unsharer: inout Unsharer) -> Layout {
    var copy = self
    copy.elements = unsharer.elements(elements)
    copy.delimiter = delimiter.unshared()
    copy.decorations = decorations.unshared()
    copy.language = language.unshared()
    return copy
  }
}

extension [SortKey] {
  func unshared(_ unsharer: inout Unsharer) -> [SortKey] {
    map { key in
      var copy = key
      switch key.source {
      case .variable(let name): copy.source = .variable(name.unshared())
      case .macro(let name, let body): copy.source = .macro(name.unshared(), unsharer.elements(body))
      }
      return copy
    }
  }
}

extension Style {
  /// A copy of this style that shares no storage with it (see the top of this file).
  func unshared() -> Style {
    var copy = self
    copy.info = StyleInfo(
      id: info.id.unshared(), title: info.title.unshared(),
      independentParent: info.independentParent.unshared())
    copy.defaultLocale = defaultLocale.unshared()
    copy.localeOverrides = localeOverrides.map { $0.unshared() }
    var unsharer = Unsharer()
    copy.citation.layout = citation.layout.unshared(&unsharer)
    copy.citation.sort = citation.sort.unshared(&unsharer)
    copy.citation.citeGroupDelimiter = citation.citeGroupDelimiter.unshared()
    copy.citation.yearSuffixDelimiter = citation.yearSuffixDelimiter.unshared()
    copy.citation.afterCollapseDelimiter = citation.afterCollapseDelimiter.unshared()
    if let bibliography {
      copy.bibliography?.layout = bibliography.layout.unshared(&unsharer)
      copy.bibliography?.sort = bibliography.sort.unshared(&unsharer)
      copy.bibliography?.subsequentAuthorSubstitute = bibliography.subsequentAuthorSubstitute.unshared()
    }
    copy.variableWords = Set(variableWords.map { $0.unshared() })
    return copy
  }
}

extension LocaleDefinition {
  func unshared() -> LocaleDefinition {
    LocaleDefinition(
      language: language.unshared(), punctuationInQuote: punctuationInQuote,
      limitDayOrdinalsToDay1: limitDayOrdinalsToDay1, terms: terms.unshared(),
      dateFormats: dateFormats.mapValues { $0.unshared() })
  }
}

extension [TermKey: Term] {
  func unshared() -> [TermKey: Term] {
    var copy: [TermKey: Term] = [:]
    copy.reserveCapacity(count)
    for (key, term) in self {
      var keyCopy = key
      keyCopy.name = key.name.unshared()
      var termCopy = term
      termCopy.single = term.single.unshared()
      termCopy.multiple = term.multiple.unshared()
      copy[keyCopy] = termCopy
    }
    return copy
  }
}
