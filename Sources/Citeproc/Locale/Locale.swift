/// A merged locale, ready for rendering: the style's `cs:locale` overrides on top of the locale
/// file, on top of en-US, as the CSL specification orders them.
public struct Locale: Sendable {
  public var language: String
  public var punctuationInQuote: Bool
  public var limitDayOrdinalsToDay1: Bool
  private var terms: [TermKey: Term]
  public var dateFormats: [DateElement.Form: DateElement]
  /// The ordinal terms for each of ``OrdinalTable/genders``, worked out once.
  private let ordinalTables: [OrdinalTable]
  /// The short locator terms, for labels written inside locators and numbers, worked out once.
  let locatorLabels: EmbeddedLocatorLabels
  /// The texts of the quotation-mark terms ("" where one is missing), looked up once: the
  /// finisher asks for them at every quotation.
  let quoteMarks: QuoteMarks
  /// The `page-range-delimiter` term's text, or an en dash when the locale has none.
  let pageRangeDelimiter: String

  /// Merges `layers`, lowest priority first.
  public init(language: String, layers: [LocaleDefinition]) {
    var punctuation = false
    var limitOrdinals = false
    var terms: [TermKey: Term] = [:]
    var dates: [DateElement.Form: DateElement] = [:]
    for layer in layers {
      if let value = layer.punctuationInQuote { punctuation = value }
      if let value = layer.limitDayOrdinalsToDay1 { limitOrdinals = value }
      if layer.definesOrdinals {
        terms = terms.filter { !($0.key.name == "ordinal" || $0.key.name.hasPrefix("ordinal-")) }
      }
      if terms.isEmpty {
        terms = layer.terms
      } else {
        terms.merge(layer.terms) { _, new in new }
      }
      if dates.isEmpty {
        dates = layer.dateFormats
      } else {
        dates.merge(layer.dateFormats) { _, new in new }
      }
    }
    self.init(
      language: language, punctuationInQuote: punctuation, limitDayOrdinalsToDay1: limitOrdinals,
      terms: terms, dateFormats: dates)
  }

  /// The merged locale, with its derived tables worked out.
  private init(
    language: String, punctuationInQuote: Bool, limitDayOrdinalsToDay1: Bool, terms: [TermKey: Term],
    dateFormats: [DateElement.Form: DateElement]
  ) {
    self.language = language
    self.punctuationInQuote = punctuationInQuote
    self.limitDayOrdinalsToDay1 = limitDayOrdinalsToDay1
    self.terms = terms
    self.dateFormats = dateFormats
    let ordinals = terms.filter { $0.key.form == .long && $0.key.isOrdinal }
    ordinalTables = OrdinalTable.genders.map { gender in
      OrdinalTable(Self.ordinalTerms(in: ordinals, gender: gender))
    }
    locatorLabels = EmbeddedLocatorLabels { terms[TermKey($0, form: .short)] }
    quoteMarks = QuoteMarks(terms)
    pageRangeDelimiter = terms[TermKey("page-range-delimiter")]?.single ?? "\u{2013}"
  }

  /// A copy that shares no storage with this locale (see ``Style/unshared()``).
  func unshared() -> Locale {
    Locale(
      language: language.unshared(), punctuationInQuote: punctuationInQuote,
      limitDayOrdinalsToDay1: limitDayOrdinalsToDay1, terms: terms.unshared(),
      dateFormats: dateFormats.mapValues { $0.unshared() })
  }

  /// The ordinal terms for `gender`, in the order they are tried.
  func ordinalTable(gender: Gender?) -> OrdinalTable {
    let index = OrdinalTable.genders.firstIndex(of: gender) ?? 0
    return ordinalTables[index]
  }

  /// The term with the form fallbacks of the spec: verb-short → verb → long, symbol → short → long,
  /// short → long.
  public func term(_ name: String, form: TermForm = .long, gender: Gender? = nil) -> Term? {
    var candidate: TermForm? = form
    while let current = candidate {
      if let gender, let term = terms[TermKey(name, form: current, genderForm: gender)] {
        return term
      }
      if let term = terms[TermKey(name, form: current)] { return term }
      candidate = Self.fallback(after: current)
    }
    return nil
  }

  /// Whether a term exists in exactly this form (no fallback).
  public func hasTerm(_ name: String, form: TermForm) -> Bool {
    terms[TermKey(name, form: form)] != nil
  }

  /// The text of a term, or "" when it is not defined.
  public func text(_ name: String, form: TermForm = .long, plural: Bool = false) -> String {
    term(name, form: form)?.text(plural: plural) ?? ""
  }

  /// The form tried after `form` when a term lacks it: verb-short → verb → long, symbol → short →
  /// long, short → long.
  private static func fallback(after form: TermForm) -> TermForm? {
    switch form {
    case .long: return nil
    case .short: return .long
    case .verb: return .long
    case .verbShort: return .verb
    case .symbol: return .short
    }
  }

  /// The ordinal terms for `gender`, for the number renderer, from the long ordinal terms of all
  /// genders.
  private static func ordinalTerms(in terms: [TermKey: Term], gender: Gender?) -> [(String, Term)] {
    var result: [String: Term] = [:]
    for (key, term) in terms {
      if key.genderForm == nil {
        if result[key.name] == nil { result[key.name] = term }
      } else if key.genderForm == gender {
        result[key.name] = term
      }
    }
    return result.map { ($0.key, $0.value) }
  }
}

/// The texts of a locale's quotation-mark terms.
struct QuoteMarks: Sendable {
  let open: String
  let close: String
  let openInner: String
  let closeInner: String

  /// The marks of `terms` ("" where one is missing).
  init(_ terms: [TermKey: Term]) {
    open = terms[TermKey("open-quote")]?.single ?? ""
    close = terms[TermKey("close-quote")]?.single ?? ""
    openInner = terms[TermKey("open-inner-quote")]?.single ?? ""
    closeInner = terms[TermKey("close-inner-quote")]?.single ?? ""
  }

  /// The opening and closing marks of an outer or an inner quotation.
  func marks(outer: Bool) -> (open: String, close: String) {
    outer ? (open, close) : (openInner, closeInner)
  }
}
