import CiteprocData
import Testing

@testable import Citeproc

/// What a compiled text element works out about its variable, once.
struct VariableTraitsTests {
  @Test func traitsFollowTheNameAndForm() {
    let title = VariableTraits("title", form: .short)
    #expect(title.special == .title)
    #expect(title.shortForm?.name == "title-short")
    #expect(!title.printsAsIs)
    #expect(VariableTraits("title", form: .long).shortForm == nil)
    #expect(VariableTraits("container-title", form: .short).special == .containerTitle)
    #expect(VariableTraits("publisher", form: .short).shortForm?.name == "publisher-short")
    #expect(VariableTraits("publisher", form: .long).special == nil)
    for name in ["DOI", "URL", "PMID", "PMCID"] {
      #expect(VariableTraits(VariableName(name), form: .long).printsAsIs, "\(name)")
    }
    #expect(!VariableTraits("ISBN", form: .long).printsAsIs)
  }

  @Test func compiledTextElementsCarryTheirTraits() throws {
    let element = TextElement(source: .variable("container-title", form: .short), decorations: Decorations())
    #expect(element.variableTraits?.special == .containerTitle)
    #expect(element.variableTraits?.shortForm?.name == "container-title-short")
    #expect(TextElement(source: .value("x"), decorations: Decorations()).variableTraits == nil)
    var changed = element
    changed.source = .variable("URL", form: .long)
    #expect(changed.variableTraits?.printsAsIs == true)
    #expect(changed.variableTraits?.shortForm == nil)
  }
}
