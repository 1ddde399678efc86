import Testing

@testable import Citeproc

@Suite struct TextCaseTests {
  let english = TextCaser(itemLanguage: nil, defaultLocale: nil, localeLanguage: "en-US")

  func cased(_ textCase: TextCase, _ input: String, _ caser: TextCaser? = nil) -> String {
    (caser ?? english).apply(textCase, to: RichText.parse(input)).plainText
  }

  @Test func titleCaseKeepsStopWordsLowercaseInside() {
    #expect(cased(.title, "the lord of the rings") == "The Lord of the Rings")
    #expect(cased(.title, "writings on UK people and places") == "Writings on UK People and Places")
  }

  @Test func titleCaseCapitalizesAfterColonAndAtTheEnd() {
    #expect(cased(.title, "a life: an account of") == "A Life: An Account Of")
  }

  @Test func titleCaseTreatsHyphenatedPartsAsWords() {
    #expect(cased(.title, "two-thirds of a well-to-do idea") == "Two-Thirds of a Well-to-Do Idea")
  }

  @Test func titleCaseLeavesMixedCaseAndNocaseAlone() {
    #expect(cased(.title, "iPad is a thing") == "iPad Is a Thing")
    #expect(cased(.title, "a <span class=\"nocase\">small</span> word") == "A small Word")
    #expect(cased(.title, "my <sc>small caps</sc> title") == "My small caps Title")
  }

  @Test func titleCaseKeepsTheLetterAfterAnApostrophe() {
    #expect(cased(.title, "john d'Doe and l'amour") == "John d’Doe and l’amour")
  }

  @Test func titleCaseOnlyForEnglishItems() {
    let german = TextCaser(itemLanguage: "de", defaultLocale: nil, localeLanguage: "en-US")
    #expect(cased(.title, "review of a book", german) == "review of a book")
    let germanStyle = TextCaser(itemLanguage: nil, defaultLocale: "de-DE", localeLanguage: "de-DE")
    #expect(cased(.title, "review of a book", germanStyle) == "review of a book")
    let englishItem = TextCaser(itemLanguage: "en-GB", defaultLocale: "de-DE", localeLanguage: "de-DE")
    #expect(cased(.title, "review of a book", englishItem) == "Review of a Book")
    let garbage = TextCaser(itemLanguage: "french language", defaultLocale: nil, localeLanguage: "en-US")
    #expect(cased(.title, "review of a book", garbage) == "review of a book")
  }

  @Test func sentenceCaseLowercasesAllButTheFirstWord() {
    #expect(cased(.sentence, "this Is A <span class=\"nocase\">Smith</span> Pen") == "This is a Smith pen")
  }

  @Test func capitalizeFirstAndAll() {
    #expect(cased(.capitalizeFirst, "the first word") == "The first word")
    #expect(cased(.capitalizeAll, "the first word") == "The First Word")
  }

  @Test func upperAndLowerCaseFollowTurkishRules() {
    let turkish = TextCaser(itemLanguage: "tr", defaultLocale: nil, localeLanguage: "en-US")
    #expect(cased(.uppercase, "ic ıd", turkish) == "İC ID")
    #expect(cased(.uppercase, "ic ıd") == "IC ID")
    #expect(cased(.lowercase, "ABC <span class=\"nocase\">DEF</span>") == "abc DEF")
  }

  @Test func loneGreekLetterIsNotCapitalized() {
    #expect(cased(.title, "solution of β-carotine") == "Solution of β-Carotine")
  }
}
