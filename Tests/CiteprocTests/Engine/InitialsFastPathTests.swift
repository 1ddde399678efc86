import TestSupport
import Testing

@testable import Citeproc

/// Initials worked out scalar by scalar give exactly what the general code gives, for ASCII names.
struct InitialsFastPathTests {
  private static let separators = [". ", ".", "", " ", "-", ".-", " . ", ".  ", "  ", "~", ". -"]

  @Test func asciiInitialsEqualTheGeneralOnes() {
    let names = [
      "John Ronald", "Jean-Pierre", "Guo-ping", "TSerendorjiin", "M. E.", "de la Fontaine", "Ph. D",
      "J..  -x-",
      "", " ", "-", ".", "A", "a", "a-b", "A-b", "A.-B.", "Tse-Ping Wu", "jean-Pierre", "JOHN", "JoHn sMiTh",
      "O'Neil", "Mary-kate Ann", "  Anne  ", "A.B.C.", "-John", "John-", "E.-M. de", "Xa", "XYz", "XYZ",
      "1st 2Nd",
    ]
    let compared = InitialsComparison.compare(
      names: names, alphabet: Array("AaBbJjTZz .-',1"), seed: 77, separators: Self.separators,
      fast: Initials.makeLatin)
    #expect(compared > 100_000)
  }

  @Test func otherTextTakesTheGeneralPath() {
    #expect(Initials.makeLatin("John\u{A0}Paul", with: ". ", initialize: true, hyphen: false) == nil)
    #expect(Initials.makeLatin("John", with: ".\u{A0}", initialize: true, hyphen: false) == nil)
    #expect(Initials.makeLatin("Jo\r\nhn", with: ". ", initialize: true, hyphen: false) == nil)
    // A no-break space separates given names too.
    #expect(Initials.make("John\u{A0}Paul Zola", with: ". ", initialize: true, hyphen: false) == "J. P. Z.")
    #expect(Initials.make("Émile Zola", with: ". ", initialize: true, hyphen: false) == "É. Z.")
  }
}

/// Initials of Latin given names worked out scalar by scalar give what the general code gives.
struct LatinInitialsTests {
  private static let separators = [". ", ".", "", " ", "-", ".-", " . ", "~"]

  @Test func latinInitialsEqualTheGeneralOnesTest() {
    let names = [
      "Émile", "Élise-Anne", "Åsa", "Ødegård", "ÉLise", "ŁUkasz", "Ǆemal", "ǅemal", "İlker", "ßig", "ß", "é",
      "É.", "José-María", "jean-Éric", "Ólafur Ragnar", "Ÿves", "ĳsbrand", "Ĳsbrand", "Øystein-ålen", "ÀÉ",
    ]
    let compared = InitialsComparison.compare(
      names: names, alphabet: Array("AaÉéÅåßİıǅǄĳĲŁłÿŸØø .-'1Zz"), seed: 4096, separators: Self.separators,
      fast: Initials.makeLatin)
    #expect(compared > 90_000)
    // Anything else is left to the general code.
    for other in ["e\u{301}mile", "Ωmega", "Anne\u{A0}Marie", "Tab\tName", "\u{250}"] {
      #expect(Initials.makeLatin(other, with: ". ", initialize: true, hyphen: true) == nil)
    }
    #expect(Initials.makeLatin("Émile", with: "\u{A0}", initialize: true, hyphen: true) == nil)
  }
}

/// Compares a fast way to initials with the general code on `names` and 3,000 names drawn from
/// `alphabet`, in every separator and option; returns how many answers were compared.
enum InitialsComparison {
  static func compare(
    names: [String], alphabet: [Character], seed: UInt32, separators: [String],
    fast: (String, String, Bool, Bool) -> String?
  ) -> Int {
    var names = names
    var random = TestRandom(seed: seed)
    for _ in 0..<3_000 {
      var name = ""
      for _ in 0..<random.next(12) { name.append(alphabet[random.next(alphabet.count)]) }
      names.append(name)
    }
    var compared = 0
    for name in names {
      for separator in separators {
        for initialize in [true, false] {
          for hyphen in [true, false] {
            guard let answer = fast(name, separator, initialize, hyphen) else {
              Issue.record("no fast answer for \(name.debugDescription)")
              continue
            }
            let general = Initials.makeGeneral(name, with: separator, initialize: initialize, hyphen: hyphen)
            #expect(
              answer == general,
              "\(name.debugDescription) \(separator.debugDescription) \(initialize) \(hyphen)")
            compared += 1
          }
        }
      }
    }
    return compared
  }
}
