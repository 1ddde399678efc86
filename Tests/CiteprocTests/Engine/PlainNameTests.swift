import Testing

@testable import Citeproc

/// The one-text form of the commonest names, and the names it must leave to the general code.
struct PlainNameTests {
  private func plain(
    _ family: String, _ given: String, inverted: Bool = true, form: NameOptions.Form = .long,
    particlesOrSuffix: Bool = false, options change: (inout NameOptions) -> Void = { _ in }
  ) -> String? {
    var options = NameOptions()
    options.sortSeparator = " "
    change(&options)
    guard
      let node = Evaluator.plainName(
        family: family, given: given, form: form, inverted: inverted, options: options,
        hasParticlesOrSuffix: particlesOrSuffix)
    else { return nil }
    guard case .text(let text) = node else { return "not one text" }
    return text
  }

  @Test func commonNamesAreOneText() {
    #expect(plain("Cocksedge", "S") == "Cocksedge S")
    #expect(plain("Cocksedge", "S.", options: { $0.sortSeparator = ", " }) == "Cocksedge, S.")
    #expect(plain("Cocksedge", "Simon", inverted: false) == "Simon Cocksedge")
    #expect(plain("Cocksedge", "Simon", form: .short) == "Cocksedge")
    #expect(plain("Cocksedge", "") == "Cocksedge")
    #expect(plain("Chew-Graham", "C", inverted: false) == "C Chew-Graham")
    #expect(plain("Müller", "Ö") == "Müller Ö")
  }

  @Test func edgesThePunctuationRulesReadAreLeftToTheGroups() {
    // Initials with periods before the family name: "S." meets the space.
    #expect(plain("Cocksedge", "S.", inverted: false) == nil)
    // A family name ending in a mark meets the separator.
    #expect(plain("Inc.", "A") == nil)
    // A part that ends in a space loses it in its group.
    #expect(plain("Smith ", "J") == nil)
    #expect(plain("Smith", "J ") == nil)
    #expect(plain("Smith ", "", form: .short) == nil)
    // A given name starting with a mark meets the separator.
    #expect(plain("Smith", ".J") == nil)
  }

  @Test func partsWithFormattingOrMarkupAreLeftToTheGroups() {
    #expect(plain("Smith", "J", particlesOrSuffix: true) == nil)
    #expect(plain("<i>Smith</i>", "J") == nil)
    #expect(plain("Smith", "J", options: { $0.familyPart.textCase = .uppercase }) == nil)
    #expect(plain("Smith", "J", options: { $0.givenPart.prefix = "(" }) == nil)
    #expect(plain("Smith", "J", options: { $0.familyPart.suffix = ")" }) == nil)
    #expect(plain("Smith", "J", options: { $0.familyPart.formatting.fontWeight = .bold }) == nil)
    #expect(plain("", "J") == nil)
  }
}
