import CiteprocData

/// Whether an element's output depended on variables (for group suppression).
enum VariableUse: Sendable {
  /// No variable was asked for (terms, values).
  case none
  /// At least one variable was asked for and none had a value.
  case empty
  /// At least one variable was asked for and had a value.
  case rendered

  func combined(with other: VariableUse) -> VariableUse {
    switch (self, other) {
    case (.rendered, _), (_, .rendered): return .rendered
    case (.empty, _), (_, .empty): return .empty
    default: return .none
    }
  }
}

/// What every evaluator of a processor reads (see ``Evaluator/context``).
final class EvaluationContext: Sendable {
  let style: Style
  let locale: Locale
  /// The text caser of items without a language field: the same for every such item of a style
  /// and locale (see ``TextCaser/init(itemLanguage:defaultLocale:localeLanguage:)``).
  let defaultTextCaser: TextCaser
  /// Whether bibliography entries mark their output for a later pass (subsequent-author-substitute
  /// reads the names).
  let bibliographyMarksNames: Bool

  init(style: Style, locale: Locale) {
    self.style = style
    self.locale = locale
    bibliographyMarksNames = style.bibliography?.subsequentAuthorSubstitute != nil
    defaultTextCaser = TextCaser(
      itemLanguage: nil, defaultLocale: style.defaultLocale, localeLanguage: locale.language)
  }
}

/// Evaluates a compiled render tree against one reference.
struct Evaluator {
  let reference: Reference
  /// The style and locale, held in one box: an evaluator is made for every item rendered, and
  /// copying the two values would count a reference on each of their many stored parts.
  let context: EvaluationContext
  var locale: Locale { context.locale }
  var style: Style { context.style }
  let mode: RenderMode
  /// Whether this is the citation layout (for et-al-subsequent and position conditions).
  let inCitation: Bool
  var cite: CiteContext
  /// Variables already used as substitutes: suppressed for the rest of this output.
  var suppressed: Set<String> = []
  /// Overrides for sort keys (names-min and friends).
  var sortNameOverrides: SortKey?
  /// Set while rendering names for a sort key, or for disambiguation comparisons.
  var namesCount: Int?
  /// Whether the year-suffix goes after the first rendered year (the style does not place the
  /// `year-suffix` variable itself).
  var appendsYearSuffix = false
  var yearSuffixRendered = false
  /// Leaves out the first `cs:names` output (for a cite collapsed into the preceding cite of the
  /// same author, see `Collapsing.swift`).
  var suppressesFirstNames = false
  /// How deep `cs:names` rendering is nested (substitutes), while `suppressesFirstNames` is set.
  var namesDepth = 0
  /// Every variable rendered with a value so far, in order (for substitution suppression).
  var renderedVariables: [String] = []
  /// Inside `cs:substitute`: variables are suppressed for the rest of the output as soon as they
  /// are printed, so a substitute that prints a variable twice prints it once.
  var substituteDepth = 0
  /// Name lists printed so far; disambiguation changes only the first.
  var nameListsRendered = 0
  /// Whether the output marks what later passes look for (``NodeTag``: names, years, citation
  /// numbers and year-suffixes, for collapsing, suppressing authors and subsequent-author-
  /// substitute). Citations mark them, and so do bibliography entries where the style substitutes
  /// for repeated authors; other bibliographies, sort keys and the comparisons of disambiguation,
  /// which read only the text, do not.
  var marksForLaterPasses: Bool

  /// `node` marked with `tag` when the output is marked for later passes.
  func marked(_ tag: NodeTag, _ node: Node) -> Node {
    marksForLaterPasses ? .tagged(tag, node) : node
  }

  mutating func noteRendered(_ variable: String) {
    renderedVariables.append(variable)
    if substituteDepth > 0 { suppressed.insert(variable) }
  }
  /// Whether anything has been output before (a term that starts a cite or entry is capitalized;
  /// a cite prefix that does not end a sentence counts as output).
  var termPredecessor = false
  /// How many `disambiguate="true"` tests this rendering has made (see
  /// ``CiteContext/disambiguateTests``).
  var disambiguateTestsMade = 0
  /// When non-nil, every rendered name list is recorded here (for disambiguation).
  var renderedNameLists: [RenderedNameList]?

  init(
    reference: Reference, context: EvaluationContext, mode: RenderMode, inCitation: Bool,
    cite: CiteContext = CiteContext()
  ) {
    self.reference = reference
    self.context = context
    self.mode = mode
    self.inCitation = inCitation
    self.cite = cite
    marksForLaterPasses = mode == .citation || (mode == .bibliography && context.bibliographyMarksNames)
    if let language = reference.field("language") {
      textCaser = TextCaser(
        itemLanguage: language, defaultLocale: context.style.defaultLocale,
        localeLanguage: context.locale.language)
    } else {
      textCaser = context.defaultTextCaser
    }
  }

  mutating func render(_ elements: [RenderElement]) -> (Node, VariableUse) {
    let (node, use, _) = renderNoting(elements)
    return (node, use)
  }

  mutating func render(_ element: RenderElement) -> (Node, VariableUse) {
    let (node, use, _) = renderNoting(element)
    return (node, use)
  }

  /// Renders `elements` in sequence and says whether the output is empty.
  private mutating func renderNoting(_ elements: [RenderElement]) -> (Node, VariableUse, isEmpty: Bool) {
    // One element needs no sequence around it (a sequence of one node prints as the node).
    if elements.count == 1 { return renderNoting(elements[0]) }
    // Outputs that are nothing at all (no text, no tag) are left out of the sequence, and a
    // sequence of one node is the node: most elements of a macro print nothing for a given item,
    // and an array for each macro call is then saved.
    var first: Node?
    var nodes: [Node] = []
    var use = VariableUse.none
    var isEmpty = true
    for index in elements.indices {
      let (node, elementUse, elementIsEmpty) = renderNoting(elements[index])
      use = use.combined(with: elementUse)
      if !elementIsEmpty { isEmpty = false }
      if elementIsEmpty && node.isBare { continue }
      if let kept = first {
        if nodes.isEmpty {
          nodes.reserveCapacity(elements.count)
          nodes.append(kept)
        }
        nodes.append(node)
      } else {
        first = node
      }
    }
    if !nodes.isEmpty { return (.sequence(nodes), use, isEmpty) }
    return (first ?? .empty, use, isEmpty)
  }

  /// Renders `element` and says whether its output is empty (the check that also decides
  /// ``termPredecessor``, so callers need not repeat it).
  private mutating func renderNoting(_ element: RenderElement) -> (Node, VariableUse, isEmpty: Bool) {
    let (node, use, known) = renderElement(element)
    let isEmpty = known ?? node.isEmpty
    if !isEmpty { termPredecessor = true }
    return (node, use, isEmpty)
  }

  /// Renders `element`, with whether its output is empty where that is known without looking.
  private mutating func renderElement(_ element: RenderElement) -> (Node, VariableUse, isEmpty: Bool?) {
    switch element {
    case .text(let text): return renderText(text)
    case .date(let date):
      let (node, use) = renderDate(date)
      return (node, use, nil)
    case .number(let number):
      let (node, use) = renderNumber(number)
      return (node, use, nil)
    case .names(let names):
      let (node, use) = renderNamesUnlessCollapsed(names)
      return (node, use, nil)
    case .label(let label): return (renderLabel(label), .none, nil)
    case .group(let group): return renderGroup(group)
    case .choose(let choose):
      let (node, use, isEmpty) = renderNoting(chooseBranch(choose))
      return (node, use, isEmpty)
    }
  }

  private mutating func renderGroup(_ group: GroupElement) -> (Node, VariableUse, isEmpty: Bool) {
    // Only the non-empty outputs are kept: the delimiter goes between those alone.
    var joined = DelimitedNodes(delimiter: group.delimiter, expected: group.children.count)
    var use = VariableUse.none
    renderChildren(group.children, into: &joined, use: &use)
    if use == .empty { return (.empty, .empty, true) }
    guard let node = joined.node else { return (.empty, use, true) }
    // A group that prints something counts as printed content for the groups around it.
    return (node.decorated(nonEmpty: group.decorations), .rendered, false)
  }

  /// Renders `elements` with each `cs:choose` replaced by its chosen branch (so a group's delimiter
  /// goes between the branch's elements), appending the non-empty outputs in order.
  private mutating func renderChildren(
    _ elements: [RenderElement], into joined: inout DelimitedNodes, use: inout VariableUse
  ) {
    // By index: the elements are read in place, not copied out one by one.
    for index in elements.indices {
      if case .choose(let choose) = elements[index] {
        renderChildren(chooseBranch(choose), into: &joined, use: &use)
        continue
      }
      let (node, childUse, isEmpty) = renderNoting(elements[index])
      if !isEmpty { joined.append(node) }
      use = use.combined(with: childUse)
    }
  }

  // MARK: text

  private mutating func renderText(_ text: TextElement) -> (Node, VariableUse, isEmpty: Bool) {
    switch text.source {
    case .value(let value):
      let (node, isEmpty) = finishTextNoting(RichText.parse(value), text.decorations)
      return (node, .none, isEmpty)
    case .term(let name, let form, let plural):
      var term = Node.text(locale.text(name, form: form, plural: plural))
      if !termPredecessor && !(style.styleClass == .inText && mode == .citation) {
        term = textCaser.apply(.capitalizeFirst, to: term)
      }
      let (node, isEmpty) = finishTextNoting(term, text.decorations)
      return (node, .none, isEmpty)
    case .macro(_, let body):
      // A macro is suppressed like a group: when it asks for variables and none has a value. A
      // macro that does print something counts as printed content for the groups around it.
      let (node, use, bodyIsEmpty) = renderNoting(body)
      if bodyIsEmpty || use == .empty { return (.empty, use, true) }
      let (finished, isEmpty) = finishTextNoting(node, text.decorations)
      return (finished, .rendered, isEmpty)
    case .variable(let variable, let form):
      let name = variable.name
      let traits = text.variableTraits ?? VariableTraits(variable, form: form)
      let special = traits.special
      // An empty year-suffix does not count as a missing variable for group suppression.
      guard let node = variableText(variable, traits, form: form) else {
        return (.empty, special == .yearSuffix ? .none : .empty, true)
      }
      noteRendered(name)
      let d = text.decorations
      if special == .citationNumber {
        let (finished, isEmpty) = finishTextNoting(node, d)
        return (marked(.citationNumber, finished), .rendered, isEmpty)
      }
      if special == .yearSuffix {
        let (finished, isEmpty) = finishTextNoting(node, d)
        return (marked(.yearSuffix, finished), .rendered, isEmpty)
      }
      if special == .citationLabel, appendsYearSuffix, let suffix = cite.yearSuffix, !yearSuffixRendered {
        // A label stands for author and year, so the year-suffix follows it.
        yearSuffixRendered = true
        let (finished, isEmpty) = finishTextNoting(.sequence([node, marked(.yearSuffix, .text(suffix))]), d)
        return (finished, .rendered, isEmpty)
      }
      let (finished, isEmpty) = finishTextNoting(node, d)
      return (markingTextVariable(name, finished), .rendered, isEmpty)
    }
  }

  /// Applies strip-periods, text-case and the other decorations to rendered text.
  func finishText(_ node: Node, _ d: Decorations) -> Node {
    finishTextNoting(node, d).node
  }

  /// ``finishText(_:_:)``, saying whether the output is empty.
  func finishTextNoting(_ node: Node, _ d: Decorations) -> (node: Node, isEmpty: Bool) {
    if !d.stripPeriods && d.textCase == nil {
      // Most text: only the affixes and formatting, on the node as it is.
      if node.isEmpty { return (node, true) }
      return (node.decorated(nonEmpty: d), false)
    }
    var node = node
    if d.stripPeriods { node = node.strippingPeriods() }
    if let textCase = d.textCase { node = textCaser.apply(textCase, to: node) }
    if node.isEmpty { return (node, true) }
    return (node.decorated(nonEmpty: d), false)
  }

  /// Text case for this reference: title case only for English items, case mapping by language.
  let textCaser: TextCaser

  /// The text of an ordinary variable (with its special cases, `traits` being those of the
  /// variable in `form`), or nil when it is empty or suppressed.
  mutating func variableText(_ variable: VariableName, _ traits: VariableTraits, form: TermForm) -> Node? {
    let name = variable.name
    let special = traits.special
    if !suppressed.isEmpty && suppressed.contains(name) { return nil }
    switch special {
    case .citationNumber:
      guard let n = cite.citationNumber else { return nil }
      return .text(String(n))
    case .firstReferenceNoteNumber:
      guard let n = cite.firstReferenceNoteNumber, mode != .bibliography else { return nil }
      return .text(String(n))
    case .yearSuffix:
      return cite.yearSuffix.map { .text($0) }
    case .locator:
      guard let locator = cite.locator, !locator.isEmpty, mode != .bibliography else { return nil }
      if (cite.label ?? "page") == "page" {
        return .text(PageRange.format(locator, style.options.pageRangeFormat, locale: locale))
      }
      if NumberParser.isNumeric(locator) {
        return .text(PageRange.format(locator, nil, locale: locale))
      }
      return RichText.parse(locator.replacing("\\-", with: "-"))
    case .page:
      guard let page = reference.field("page") else { return nil }
      return .text(PageRange.format(page, style.options.pageRangeFormat, locale: locale))
    case .citationLabel:
      if let value = reference.field("citation-label") { return .text(value) }
      return CitationLabel.make(for: reference).map { .text($0) }
    case .pageFirst:
      if let value = reference.field("page-first") { return .text(value) }
      guard let page = reference.field("page") else { return nil }
      let first = String(page.prefix { $0 != "-" && $0 != "\u{2013}" && $0 != "," && $0 != "&" })
        .trimmingSpaces
      return first.isEmpty ? nil : .text(first)
    case .title, .containerTitle, .collectionTitle:
      if let shortForm = traits.shortForm, let short = reference.field(shortForm) {
        return RichText.parse(short)
      }
      if special == .containerTitle, form == .short, let short = reference.field("journalAbbreviation") {
        return RichText.parse(short)
      }
    case nil:
      break
    }
    if let shortForm = traits.shortForm, let short = reference.field(shortForm) {
      return RichText.parse(short)
    }
    guard let value = reference.field(variable) else { return nil }
    if traits.printsAsIs { return .text(value) }
    // A numeric range in a number variable ("issue 3-4") takes the locale's range delimiter.
    if value.containsUTF8(0x2D), CSLVariables.numbers.contains(name), value.contains("-"),
      NumberParser.isNumeric(value)
    {
      return .text(NumberFormatter(locale: locale).format(value, form: .numeric, variable: name))
    }
    return RichText.parse(value)
  }

  // MARK: label

  mutating func renderLabel(_ label: LabelElement) -> Node {
    guard let (text, _) = labelText(label, variable: label.variable) else { return .empty }
    return finishText(.text(text), label.decorations)
  }

  /// The term text for a label of `variable`, choosing singular or plural.
  func labelText(_ label: LabelElement, variable: String) -> (String, Bool)? {
    let termName: String
    let value: String?
    switch variable {
    case "locator":
      guard mode != .bibliography, let locator = cite.locator, !locator.isEmpty else { return nil }
      // CSL 1.0 spelled this locator "sub verbo"; the locale term is "sub-verbo".
      termName = cite.label == "sub verbo" ? "sub-verbo" : (cite.label ?? "page")
      value = locator
    case "page":
      termName = "page"
      value = reference.field("page")
    default:
      termName = variable
      value = reference.field(variable)
    }
    guard let value, !suppressed.contains(variable) else { return nil }
    let plural: Bool
    switch label.plural {
    case .always: plural = true
    case .never: plural = false
    case .contextual:
      // "and" (in words or the locale's term) separates numbers like "&"; an escaped hyphen does not.
      // A locator's own label counts the numbers before any label written inside it.
      // (Without a backslash or a space in the value there is nothing to replace.)
      var normalized =
        variable == "locator" ? String(locale.locatorLabels.leadingPart(of: value)) : value
      if normalized.containsUTF8(0x5C) { normalized = normalized.replacing("\\-", with: "") }
      if normalized.containsUTF8(0x20) {
        let andTerm = locale.text("and")
        for word in Set(["and", andTerm]) where !word.isEmpty {
          normalized = normalized.replacing(" \(word) ", with: " & ")
        }
      }
      plural =
        variable == "number-of-pages" || variable == "number-of-volumes"
        ? (Int(value.trimmingSpaces).map { $0 > 1 } ?? NumberParser.isPlural(normalized))
        : NumberParser.isPlural(normalized)
    }
    guard let term = locale.term(termName, form: label.form) else { return nil }
    let text = term.text(plural: plural)
    if text.isEmpty { return nil }
    return (text, plural)
  }

  // MARK: choose

  mutating func chooseBranch(_ choose: ChooseElement) -> [RenderElement] {
    // By index: the branches and conditions are read in place, not copied out one by one.
    let branches = choose.branches
    for index in branches.indices where evaluate(branches[index].match, branches[index].conditions) {
      return branches[index].body
    }
    return choose.elseBody
  }

  private mutating func evaluate(_ match: ChooseElement.Match, _ conditions: [ChooseElement.Condition])
    -> Bool
  {
    // The first deciding condition settles the match (a `disambiguate` test counts only when it is
    // made).
    switch match {
    case .all:
      for index in conditions.indices where !test(conditions[index]) { return false }
      return true
    case .any:
      for index in conditions.indices where test(conditions[index]) { return true }
      return false
    case .none:
      for index in conditions.indices where test(conditions[index]) { return false }
      return true
    }
  }

  private mutating func test(_ condition: ChooseElement.Condition) -> Bool {
    switch condition {
    case .disambiguate(let value):
      guard cite.disambiguate, value else { return cite.disambiguate == value }
      // The tests hold one at a time, in the order they are made, as far as disambiguation asked.
      disambiguateTestsMade += 1
      return disambiguateTestsMade <= cite.disambiguateTests
    case .isNumeric(let variable):
      guard let value = numericCandidate(variable) else { return false }
      return NumberParser.isNumeric(value)
    case .isUncertainDate(let variable):
      return reference.date(variable)?.circa ?? false
    case .locator(let type):
      guard mode != .bibliography, let locator = cite.locator, !locator.isEmpty else { return false }
      let label = cite.label == "sub-verbo" ? "sub verbo" : (cite.label ?? "page")
      return label == type
    case .position(let position):
      guard inCitation, mode != .bibliography else { return false }
      switch position {
      case .first: return cite.position == .first
      case .subsequent: return cite.position >= .subsequent
      case .ibid: return cite.position >= .ibid
      case .ibidWithLocator: return cite.position == .ibidWithLocator
      case .nearNote: return cite.nearNote && cite.position >= .subsequent
      }
    case .type(let type):
      // Most types tested differ in length from the item's: told apart before their text is
      // compared.
      let itemType = reference.type
      return itemType.utf8.count == type.utf8.count && itemType == type
    case .variable(let variable):
      return hasVariable(variable)
    }
  }

  private func numericCandidate(_ variable: String) -> String? {
    switch SpecialVariable(variable) {
    case .locator: return mode == .bibliography ? nil : cite.locator
    case .citationNumber: return cite.citationNumber.map(String.init)
    case .firstReferenceNoteNumber: return cite.firstReferenceNoteNumber.map(String.init)
    default: return reference.field(variable)
    }
  }

  func hasVariable(_ variable: VariableName) -> Bool {
    // Conditions look at the data: a variable suppressed after substitution still counts as present.
    switch SpecialVariable(variable.name) {
    case .locator: return mode != .bibliography && !(cite.locator ?? "").isEmpty
    case .citationNumber: return cite.citationNumber != nil
    case .firstReferenceNoteNumber: return cite.firstReferenceNoteNumber != nil && mode != .bibliography
    case .yearSuffix: return cite.yearSuffix != nil
    case .pageFirst: return reference.has("page-first") || reference.has("page")
    case .citationLabel: return reference.has("citation-label") || CitationLabel.make(for: reference) != nil
    default: return reference.has(variable)
    }
  }
}

/// What rendering a variable in a form needs beyond its name (see
/// ``Evaluator/variableText(_:_:form:)``).
struct VariableTraits: Sendable {
  /// Which special case the variable is, if any.
  let special: SpecialVariable?
  /// The name of the variable's short form, looked up first for the short form.
  let shortForm: VariableName?
  /// Whether a value prints as it is, without markup or number handling (identifiers and links).
  let printsAsIs: Bool

  init(_ variable: VariableName, form: TermForm) {
    let name = variable.name
    special = SpecialVariable(name)
    shortForm = form == .short ? VariableName(name + "-short") : nil
    printsAsIs = name == "DOI" || name == "URL" || name == "PMID" || name == "PMCID"
  }
}

/// The variables ``Evaluator/variableText(_:_:form:)`` treats specially, told apart by their first
/// byte and length before any string comparison (most variables are none of them).
enum SpecialVariable {
  case citationNumber
  case firstReferenceNoteNumber
  case yearSuffix
  case locator
  case page
  case citationLabel
  case pageFirst
  case title
  case containerTitle
  case collectionTitle

  init?(_ name: String) {
    let utf8 = name.utf8
    guard let first = utf8.first else { return nil }
    let found: SpecialVariable?
    switch (first, utf8.count) {
    case (UInt8(ascii: "c"), 15):
      found = name == "citation-number" ? .citationNumber : name == "container-title" ? .containerTitle : nil
    case (UInt8(ascii: "c"), 14): found = name == "citation-label" ? .citationLabel : nil
    case (UInt8(ascii: "c"), 16): found = name == "collection-title" ? .collectionTitle : nil
    case (UInt8(ascii: "f"), 27):
      found = name == "first-reference-note-number" ? .firstReferenceNoteNumber : nil
    case (UInt8(ascii: "y"), 11): found = name == "year-suffix" ? .yearSuffix : nil
    case (UInt8(ascii: "l"), 7): found = name == "locator" ? .locator : nil
    case (UInt8(ascii: "p"), 4): found = name == "page" ? .page : nil
    case (UInt8(ascii: "p"), 10): found = name == "page-first" ? .pageFirst : nil
    case (UInt8(ascii: "t"), 5): found = name == "title" ? .title : nil
    default: found = nil
    }
    guard let found else { return nil }
    self = found
  }
}
