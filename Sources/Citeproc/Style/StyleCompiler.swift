import CiteprocData

/// Compiles a style's XML tree into a ``Style``: validates elements and attribute values, resolves
/// macros (reporting undefined and recursive ones) and applies inheritable name options.
package struct StyleCompiler {
  /// Where a macro is expanded: inheritable name options differ between the two.
  enum Context: Hashable {
    case citation
    case bibliography
  }

  static let inheritableNameAttributes: Set<String> = [
    "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
    "et-al-use-last", "et-al-subsequent-min", "et-al-subsequent-use-first", "initialize",
    "initialize-with", "name-as-sort-order", "sort-separator", "name-form", "name-delimiter",
    "names-delimiter",
  ]

  let file: String
  var diagnostics: [Diagnostic] = []
  var macros: [String: XMLTreeElement] = [:]
  var compiledMacros: [Context: [String: [RenderElement]]] = [:]
  var expanding: [String] = []
  var context = Context.citation
  var inherited: [Context: [String: String]] = [:]
  /// The enclosing `cs:names` while compiling its `cs:substitute`.
  var substituteParent: NamesElement?
  /// How deep the element being compiled is in the rendered tree, counting the elements of the
  /// macros that lead to it.
  var nesting = 0
  /// The deepest nesting reached since the current macro's expansion started.
  var deepest = 0
  /// How deep each compiled macro's body nests.
  var macroNesting: [Context: [String: Int]] = [:]
  /// Macros that compile the same in citations and bibliographies, with how deep their bodies
  /// nest: those whose compilation reported nothing and reached no `cs:names` (unless names
  /// inherit the same options in both) and no macro compiled for one context only.
  var sharedMacros: [String: (body: [RenderElement], depth: Int)] = [:]
  /// Whether macros that compile the same in both contexts are compiled once.
  var sharesMacros = true
  /// Whether what the current macro expansion has compiled so far is the same in both contexts.
  var contextFree = true
  /// Whether `cs:names` inherit the same options in citations and bibliographies.
  var namesAreContextFree = false
  var reportedNesting = false

  /// Rendering recurses once per level; deeper trees could exhaust a thread's stack.
  static let maximumNesting = 128

  init(file: String) {
    self.file = file
  }

  /// Compiles a whole style document. Returns nil when there are errors; the diagnostics hold
  /// errors and warnings either way.
  /// `sharesMacros: false` compiles every macro once per context (for tests that compare).
  package static func compile(_ root: XMLTreeElement, file: String, sharesMacros: Bool = true)
    -> (Style?, [Diagnostic])
  {
    var compiler = StyleCompiler(file: file)
    compiler.sharesMacros = sharesMacros
    var style = compiler.compileStyle(root)
    if compiler.reportedNesting && sharesMacros {
      // Where the limit is first crossed depends on which macros are compiled anew in each
      // context; a style that crosses it is compiled again with every macro compiled per
      // context, so that the error always names the same element.
      compiler = StyleCompiler(file: file)
      compiler.sharesMacros = false
      style = compiler.compileStyle(root)
    }
    style?.variableWords = variableWords(root)
    var seen = Set<Diagnostic>()
    let diagnostics = compiler.diagnostics.filter { seen.insert($0).inserted }
    let hasErrors = diagnostics.contains { $0.severity == .error }
    return (hasErrors ? nil : style, diagnostics)
  }

  /// The words of the attributes of `root` and its descendants that name variables. In CSL 1.0.2
  /// these are `variable` (of text, number, date, names, label, a sort key and the condition),
  /// the `is-numeric` and `is-uncertain-date` conditions, and `collapse` (`citation-number`).
  private static func variableWords(_ root: XMLTreeElement) -> Set<String> {
    var words = Set<String>()
    func collect(_ element: XMLTreeElement) {
      for attribute in element.attributes {
        switch attribute.name {
        case "variable", "is-numeric", "is-uncertain-date", "collapse":
          for word in attribute.value.utf8.split(whereSeparator: {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
          }) {
            words.insert(String(decoding: word, as: UTF8.self))
          }
        default: continue
        }
      }
      for child in element.children { collect(child) }
    }
    collect(root)
    return words
  }

  mutating func error(_ message: String, _ element: XMLTreeElement) {
    diagnostics.append(.error(message, file: file, line: element.line))
  }

  mutating func warning(_ message: String, _ element: XMLTreeElement) {
    diagnostics.append(.warning(message, file: file, line: element.line))
  }

  mutating func finish(_ reader: inout AttributeReader) {
    reader.finish()
    diagnostics += reader.diagnostics
  }

  private mutating func compileStyle(_ root: XMLTreeElement) -> Style? {
    guard root.name == "style" else {
      error("the root element must be <style>, not <\(root.name)>", root)
      return nil
    }
    var reader = AttributeReader(root, file: file)
    let styleClass: Style.Class = reader.choice("class") ?? .inText
    let version = reader.string("version")
    if let version, !version.hasPrefix("1.") {
      reader.warning("CSL version '\(version)' is not 1.0.x; rendering as 1.0.2")
    }
    let defaultLocale = reader.string("default-locale")
    var options = StyleOptions()
    options.demoteNonDroppingParticle = reader.choice("demote-non-dropping-particle") ?? .displayAndSort
    options.initializeWithHyphen = reader.bool("initialize-with-hyphen") ?? true
    options.pageRangeFormat = reader.choice("page-range-format")
    var styleNames: [String: String] = [:]
    for name in Self.inheritableNameAttributes {
      if let value = reader.string(name) { styleNames[name] = value }
    }
    finish(&reader)

    var info = StyleInfo()
    var locales: [LocaleDefinition] = []
    var citationElement: XMLTreeElement?
    var bibliographyElement: XMLTreeElement?
    for child in root.children {
      switch child.name {
      case "info":
        info = compileInfo(child)
      case "locale":
        var localeCompiler = LocaleCompiler(file: file)
        locales.append(localeCompiler.compile(child))
        diagnostics += localeCompiler.diagnostics
      case "macro":
        guard let name = child["name"], !name.isEmpty else {
          error("<macro> needs a 'name' attribute", child)
          continue
        }
        if macros[name] != nil { error("macro '\(name)' is defined twice", child) }
        macros[name] = child
      case "citation":
        if citationElement != nil { error("a style has only one <citation>", child) }
        citationElement = child
      case "bibliography":
        if bibliographyElement != nil { error("a style has only one <bibliography>", child) }
        bibliographyElement = child
      default:
        error("unknown element <\(child.name)> in <style>", child)
      }
    }

    if root["class"] == nil && info.independentParent == nil {
      error("<style> needs a 'class' attribute", root)
    }
    inherited[.citation] = styleNames
    inherited[.bibliography] = styleNames
    if let citationElement {
      inherited[.citation] = styleNames.merging(inheritableAttributes(of: citationElement)) { $1 }
    }
    if let bibliographyElement {
      inherited[.bibliography] = styleNames.merging(inheritableAttributes(of: bibliographyElement)) { $1 }
    }
    namesAreContextFree = inherited[.citation] == inherited[.bibliography]
    var citation = CitationSpec(
      layout: Layout(elements: [], delimiter: "", decorations: Decorations()), sort: [])
    if let citationElement {
      context = .citation
      citation = compileCitation(citationElement)
    } else if info.independentParent == nil {
      error("<style> needs a <citation> element", root)
    }
    var bibliography: BibliographySpec?
    if let bibliographyElement {
      context = .bibliography
      bibliography = compileBibliography(bibliographyElement)
    }
    // Compile every macro once, so errors inside unused macros are reported too.
    context = .citation
    for name in macros.keys.sorted() { _ = expandMacro(name, at: macros[name] ?? root) }

    return Style(
      info: info, styleClass: styleClass, defaultLocale: defaultLocale, options: options,
      localeOverrides: locales, citation: citation, bibliography: bibliography)
  }

  private func inheritableAttributes(of element: XMLTreeElement) -> [String: String] {
    var result: [String: String] = [:]
    for attribute in element.attributes where Self.inheritableNameAttributes.contains(attribute.name) {
      result[attribute.name] = attribute.value
    }
    return result
  }

  private mutating func compileInfo(_ element: XMLTreeElement) -> StyleInfo {
    var info = StyleInfo()
    for child in element.children {
      switch child.name {
      case "id": info.id = child.text.trimmingSpaces
      case "title": info.title = child.text.trimmingSpaces
      case "link":
        if child["rel"] == "independent-parent" { info.independentParent = child["href"] }
      default: break
      }
    }
    return info
  }

  private mutating func compileLayout(_ element: XMLTreeElement) -> Layout {
    var reader = AttributeReader(element, file: file)
    let decorations = reader.decorations(textCase: false)
    let delimiter = reader.string("delimiter") ?? ""
    let language = reader.string("locale")
    finish(&reader)
    return Layout(
      elements: compileChildren(element), delimiter: delimiter, decorations: decorations,
      language: language)
  }

  private mutating func layoutAndSort(_ element: XMLTreeElement) -> (Layout, [SortKey]) {
    var layout: Layout?
    var sort: [SortKey] = []
    for child in element.children {
      switch child.name {
      case "layout":
        let compiled = compileLayout(child)
        if layout == nil || (layout?.language != nil && compiled.language == nil) { layout = compiled }
      case "sort":
        sort = compileSort(child)
      default:
        error("unknown element <\(child.name)> in <\(element.name)>", child)
      }
    }
    if layout == nil { error("<\(element.name)> needs a <layout>", element) }
    return (layout ?? Layout(elements: [], delimiter: "", decorations: Decorations()), sort)
  }

  private mutating func compileCitation(_ element: XMLTreeElement) -> CitationSpec {
    let (layout, sort) = layoutAndSort(element)
    var spec = CitationSpec(layout: layout, sort: sort)
    var reader = AttributeReader(element, file: file)
    spec.disambiguateAddNames = reader.bool("disambiguate-add-names") ?? false
    spec.disambiguateAddGivenname = reader.bool("disambiguate-add-givenname") ?? false
    spec.givennameRule = reader.choice("givenname-disambiguation-rule") ?? .byCite
    spec.disambiguateAddYearSuffix = reader.bool("disambiguate-add-year-suffix") ?? false
    spec.collapse = reader.choice("collapse")
    spec.citeGroupDelimiter = reader.string("cite-group-delimiter")
    spec.yearSuffixDelimiter = reader.string("year-suffix-delimiter")
    spec.afterCollapseDelimiter = reader.string("after-collapse-delimiter")
    spec.nearNoteDistance = reader.int("near-note-distance") ?? 5
    for name in Self.inheritableNameAttributes { _ = reader.string(name) }
    finish(&reader)
    return spec
  }

  private mutating func compileBibliography(_ element: XMLTreeElement) -> BibliographySpec {
    let (layout, sort) = layoutAndSort(element)
    var reader = AttributeReader(element, file: file)
    var options = BibliographyLayout()
    options.hangingIndent = reader.bool("hanging-indent") ?? false
    options.secondFieldAlign = reader.choice("second-field-align")
    options.lineSpacing = reader.int("line-spacing") ?? 1
    options.entrySpacing = reader.int("entry-spacing") ?? 1
    var spec = BibliographySpec(layout: layout, sort: sort, layoutOptions: options)
    spec.subsequentAuthorSubstitute = reader.string("subsequent-author-substitute")
    spec.subsequentAuthorSubstituteRule = reader.choice("subsequent-author-substitute-rule") ?? .completeAll
    for name in Self.inheritableNameAttributes { _ = reader.string(name) }
    finish(&reader)
    return spec
  }

  private mutating func compileSort(_ element: XMLTreeElement) -> [SortKey] {
    var keys: [SortKey] = []
    for child in element.children {
      guard child.name == "key" else {
        error("unknown element <\(child.name)> in <sort>", child)
        continue
      }
      var reader = AttributeReader(child, file: file)
      let ascending = (reader.choice("sort") ?? SortDirection.ascending) == .ascending
      let namesMin = reader.int("names-min")
      let namesUseFirst = reader.int("names-use-first")
      let namesUseLast = reader.bool("names-use-last")
      let variable = reader.string("variable")
      let macro = reader.string("macro")
      finish(&reader)
      let source: SortKey.Source
      if let variable, macro == nil {
        source = .variable(variable)
      } else if let macro, variable == nil {
        source = .macro(macro, expandMacro(macro, at: child))
      } else {
        error("<key> needs exactly one of 'variable' and 'macro'", child)
        continue
      }
      keys.append(
        SortKey(
          source: source, ascending: ascending, namesMin: namesMin, namesUseFirst: namesUseFirst,
          namesUseLast: namesUseLast))
    }
    return keys
  }

  private enum SortDirection: String {
    case ascending
    case descending
  }

  /// The body of a macro in the current context, compiled once per context, or once for both
  /// when it compiles the same in both (see ``sharedMacros``).
  mutating func expandMacro(_ name: String, at element: XMLTreeElement) -> [RenderElement] {
    if let shared = sharedMacros[name] {
      return checkNesting(nesting + shared.depth, at: element) ? shared.body : []
    }
    if let cached = compiledMacros[context]?[name] {
      contextFree = false
      let depth = macroNesting[context]?[name] ?? 0
      return checkNesting(nesting + depth, at: element) ? cached : []
    }
    guard let definition = macros[name] else {
      error("macro '\(name)' is not defined", element)
      return []
    }
    if let index = expanding.firstIndex(of: name) {
      let cycle = (expanding[index...] + [name]).joined(separator: " → ")
      error("macro '\(name)' calls itself (\(cycle))", element)
      return []
    }
    expanding.append(name)
    let savedParent = substituteParent
    substituteParent = nil
    let outerDeepest = deepest
    deepest = nesting
    let outerContextFree = contextFree
    contextFree = true
    let reported = diagnostics.count
    let body = compileChildren(definition)
    let depth = deepest - nesting
    deepest = max(outerDeepest, deepest)
    substituteParent = savedParent
    expanding.removeLast()
    if sharesMacros && contextFree && diagnostics.count == reported {
      sharedMacros[name] = (body, depth)
    } else {
      macroNesting[context, default: [:]][name] = depth
      compiledMacros[context, default: [:]][name] = body
      contextFree = false
    }
    contextFree = outerContextFree && contextFree
    return body
  }

  /// False, with one error for the whole style, when `depth` is beyond ``maximumNesting``.
  mutating func checkNesting(_ depth: Int, at element: XMLTreeElement) -> Bool {
    deepest = max(deepest, depth)
    guard depth > Self.maximumNesting else { return true }
    if !reportedNesting {
      reportedNesting = true
      error(
        "elements are nested more than \(Self.maximumNesting) deep, counting the elements of the macros that lead here",
        element)
    }
    return false
  }
}
