/// The content of a locale: a locale file, or a `cs:locale` element inside a style.
public struct LocaleDefinition: Sendable, Hashable {
  /// The `xml:lang` value; nil for a style `cs:locale` without one.
  public var language: String?
  public var punctuationInQuote: Bool?
  public var limitDayOrdinalsToDay1: Bool?
  public var terms: [TermKey: Term]
  public var dateFormats: [DateElement.Form: DateElement]

  public init(
    language: String? = nil, punctuationInQuote: Bool? = nil, limitDayOrdinalsToDay1: Bool? = nil,
    terms: [TermKey: Term] = [:], dateFormats: [DateElement.Form: DateElement] = [:]
  ) {
    self.language = language
    self.punctuationInQuote = punctuationInQuote
    self.limitDayOrdinalsToDay1 = limitDayOrdinalsToDay1
    self.terms = terms
    self.dateFormats = dateFormats
  }

  /// True when this definition sets any ordinal term (which then replaces all inherited ordinals).
  var definesOrdinals: Bool {
    terms.keys.contains { $0.isOrdinal }
  }
}

public enum Gender: String, Sendable, Hashable {
  case masculine
  case feminine
  case neuter
}

public struct TermKey: Sendable, Hashable {
  public var name: String
  public var form: TermForm
  /// For ordinal terms: the grammatical gender they go with.
  public var genderForm: Gender?

  public init(_ name: String, form: TermForm = .long, genderForm: Gender? = nil) {
    self.name = name
    self.form = form
    self.genderForm = genderForm
  }

  /// Whether this is the `ordinal` term or one of the `ordinal-NN` terms.
  var isOrdinal: Bool { name == "ordinal" || name.hasPrefix("ordinal-") }
}

public struct Term: Sendable, Hashable {
  public enum Match: String, Sendable, Hashable {
    case lastDigit = "last-digit"
    case lastTwoDigits = "last-two-digits"
    case wholeNumber = "whole-number"
  }
  public var single: String
  public var multiple: String
  /// The gender of the noun (for months and number variables), used to pick ordinal forms.
  public var gender: Gender?
  public var match: Match?

  public init(single: String, multiple: String? = nil, gender: Gender? = nil, match: Match? = nil) {
    self.single = single
    self.multiple = multiple ?? single
    self.gender = gender
    self.match = match
  }

  public func text(plural: Bool) -> String { plural ? multiple : single }
}
