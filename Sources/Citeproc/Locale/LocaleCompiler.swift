import CiteprocData

/// Compiles a `cs:locale` element (a locale file's root or a style override).
struct LocaleCompiler {
  let file: String
  var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  mutating func compile(_ element: XMLTreeElement) -> LocaleDefinition {
    var definition = LocaleDefinition(language: element["xml:lang"])
    for child in element.children {
      switch child.name {
      case "info":
        break
      case "style-options":
        var reader = AttributeReader(child, file: file)
        definition.punctuationInQuote = reader.bool("punctuation-in-quote")
        definition.limitDayOrdinalsToDay1 = reader.bool("limit-day-ordinals-to-day-1")
        reader.finish()
        diagnostics += reader.diagnostics
      case "date":
        var compiler = StyleCompiler(file: file)
        if let date = compiler.compileDate(child, inLocale: true), let form = date.form {
          definition.dateFormats[form] = date
        }
        diagnostics += compiler.diagnostics
      case "terms":
        definition.terms.reserveCapacity(definition.terms.count + child.children.count)
        for term in child.children { compileTerm(term, into: &definition) }
      default:
        diagnostics.append(
          .error("unknown element <\(child.name)> in <locale>", file: file, line: child.line))
      }
    }
    return definition
  }

  /// A term's text as written (spaces such as the one in " AD" matter), except that text made only
  /// of line breaks and indentation is the layout of the file, not a value.
  static func value(_ text: String) -> String {
    text.utf8.contains(0x0A) && text.allSatisfy(\.isWhitespace) ? "" : text
  }

  private mutating func compileTerm(_ element: XMLTreeElement, into definition: inout LocaleDefinition) {
    guard element.name == "term" else {
      diagnostics.append(
        .error("unknown element <\(element.name)> in <terms>", file: file, line: element.line))
      return
    }
    var reader = AttributeReader(element, file: file)
    guard let name = reader.string("name") else {
      reader.error("<term> needs a 'name' attribute")
      diagnostics += reader.diagnostics
      return
    }
    let form: TermForm = reader.choice("form") ?? .long
    let gender: Gender? = reader.choice("gender")
    let genderForm: Gender? = reader.choice("gender-form")
    let match: Term.Match? = reader.choice("match")
    reader.finish()
    diagnostics += reader.diagnostics
    let single = element.child(named: "single")
    let multiple = element.child(named: "multiple")
    let term: Term
    if single != nil || multiple != nil {
      term = Term(
        single: Self.value(single?.text ?? multiple?.text ?? ""),
        multiple: (multiple?.text ?? single?.text).map(Self.value),
        gender: gender, match: match)
    } else {
      term = Term(single: Self.value(element.text), gender: gender, match: match)
    }
    definition.terms[TermKey(name, form: form, genderForm: genderForm)] = term
  }
}
