import Testing

@testable import Citeproc

struct TermCapitalizationTests {
  @Test func prefixesThatEndASentence() {
    #expect(TermCapitalization.prefixEndsSentence("This has been said. "))
    #expect(TermCapitalization.prefixEndsSentence("He said \u{201C}Please work.\u{201D} "))
    #expect(!TermCapitalization.prefixEndsSentence("See "))
    // A single word is an abbreviation rather than a sentence ("cf. ibid.").
    #expect(!TermCapitalization.prefixEndsSentence("cf. "))
    #expect(!TermCapitalization.prefixEndsSentence(nil))
  }

  @Test func capitalizingTheFirstLetter() {
    #expect("ibid.".capitalizingFirstLetter() == "Ibid.")
    #expect("Ibid.".capitalizingFirstLetter() == "Ibid.")
    #expect("".capitalizingFirstLetter() == "")
  }
}
