import Testing

@testable import Citeproc

/// The byte-level initials give exactly what the general code gives.
struct InitialsFastPathTests {
  private static let separators = [". ", ".", "", " ", "-", ".-", " . ", ".  ", "  ", "~", ". -"]

  @Test func asciiInitialsEqualTheGeneralOnes() {
    var names = [
      "John Ronald", "Jean-Pierre", "Guo-ping", "TSerendorjiin", "M. E.", "de la Fontaine", "Ph. D",
      "J..  -x-",
      "", " ", "-", ".", "A", "a", "a-b", "A-b", "A.-B.", "Tse-Ping Wu", "jean-Pierre", "JOHN", "JoHn sMiTh",
      "O'Neil", "Mary-kate Ann", "  Anne  ", "A.B.C.", "-John", "John-", "E.-M. de", "Xa", "XYz", "XYZ",
      "1st 2Nd",
    ]
    let alphabet = Array("AaBbJjTZz .-',1")
    var random = TestRandom(seed: 77)
    for _ in 0..<3_000 {
      var name = ""
      for _ in 0..<random.next(12) { name.append(alphabet[random.next(alphabet.count)]) }
      names.append(name)
    }
    var compared = 0
    for name in names {
      for separator in Self.separators {
        for initialize in [true, false] {
          for hyphen in [true, false] {
            guard let fast = Initials.makeASCII(name, with: separator, initialize: initialize, hyphen: hyphen)
            else {
              Issue.record("no fast answer for \(name.debugDescription)")
              continue
            }
            let general = Initials.makeGeneral(name, with: separator, initialize: initialize, hyphen: hyphen)
            #expect(
              fast == general,
              "\(name.debugDescription) \(separator.debugDescription) \(initialize) \(hyphen)")
            compared += 1
          }
        }
      }
    }
    #expect(compared > 100_000)
  }

  @Test func otherTextTakesTheGeneralPath() {
    #expect(Initials.makeASCII("Émile", with: ". ", initialize: true, hyphen: false) == nil)
    #expect(Initials.makeASCII("John\u{A0}Paul", with: ". ", initialize: true, hyphen: false) == nil)
    #expect(Initials.makeASCII("John", with: ".\u{A0}", initialize: true, hyphen: false) == nil)
    #expect(Initials.makeASCII("Jo\r\nhn", with: ". ", initialize: true, hyphen: false) == nil)
    #expect(Initials.make("Émile Zola", with: ". ", initialize: true, hyphen: false) == "É. Z.")
  }
}

/// Initials of Latin given names worked out scalar by scalar give what the general code gives.
struct LatinInitialsTests {
  private static let separators = [". ", ".", "", " ", "-", ".-", " . ", "~"]

  @Test func latinInitialsEqualTheGeneralOnesTest() {
    var names = [
      "Émile", "Élise-Anne", "Åsa", "Ødegård", "ÉLise", "ŁUkasz", "Ǆemal", "ǅemal", "İlker", "ßig", "ß", "é",
      "É.", "José-María", "jean-Éric", "Ólafur Ragnar", "Ÿves", "ĳsbrand", "Ĳsbrand", "Øystein-ålen", "ÀÉ",
    ]
    let alphabet = Array("AaÉéÅåßİıǅǄĳĲŁłÿŸØø .-'1Zz")
    var random = TestRandom(seed: 4096)
    for _ in 0..<3_000 {
      var name = ""
      for _ in 0..<random.next(12) { name.append(alphabet[random.next(alphabet.count)]) }
      names.append(name)
    }
    var compared = 0
    for name in names {
      for separator in Self.separators {
        for initialize in [true, false] {
          for hyphen in [true, false] {
            guard let fast = Initials.makeLatin(name, with: separator, initialize: initialize, hyphen: hyphen)
            else {
              Issue.record("no answer for \(name.debugDescription)")
              continue
            }
            let general = Initials.makeGeneral(name, with: separator, initialize: initialize, hyphen: hyphen)
            #expect(
              fast == general,
              "\(name.debugDescription) \(separator.debugDescription) \(initialize) \(hyphen)")
            compared += 1
          }
        }
      }
    }
    #expect(compared > 90_000)
    // Anything else is left to the general code.
    for other in ["e\u{301}mile", "Ωmega", "Anne\u{A0}Marie", "Tab\tName", "\u{250}"] {
      #expect(Initials.makeLatin(other, with: ". ", initialize: true, hyphen: true) == nil)
    }
    #expect(Initials.makeLatin("Émile", with: "\u{A0}", initialize: true, hyphen: true) == nil)
  }
}
