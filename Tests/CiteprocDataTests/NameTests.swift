import CiteprocData
import Testing

@Suite struct NameTests {
  @Test func keepsEveryPartAsGiven() {
    let name = Name(
      family: "Gogh", given: "Vincent", droppingParticle: "de", nonDroppingParticle: "van", suffix: "Jr.",
      commaSuffix: true, staticOrdering: true, literal: "Vincent van Gogh")
    #expect(name.family == "Gogh")
    #expect(name.given == "Vincent")
    #expect(name.droppingParticle == "de")
    #expect(name.nonDroppingParticle == "van")
    #expect(name.suffix == "Jr.")
    #expect(name.commaSuffix)
    #expect(name.staticOrdering)
    #expect(name.literal == "Vincent van Gogh")
  }

  @Test func settingOnePartLeavesTheOthers() {
    var name = Name(family: "Smith", given: "John", suffix: "Jr.")
    #expect(!name.commaSuffix)
    #expect(!name.staticOrdering)
    name.commaSuffix = true
    #expect(name.commaSuffix)
    #expect(name.suffix == "Jr.")
    #expect(!name.staticOrdering)
    name.suffix = nil
    #expect(name.commaSuffix)
    name.staticOrdering = true
    name.commaSuffix = false
    #expect(name.staticOrdering)
    #expect(!name.commaSuffix)
    name.staticOrdering = false
    #expect(name == Name(family: "Smith", given: "John"))
    #expect(name.hashValue == Name(family: "Smith", given: "John").hashValue)
    #expect(Name(family: "Smith", commaSuffix: true) != Name(family: "Smith"))
    #expect(Name(family: "Smith", staticOrdering: true) != Name(family: "Smith"))
  }

  @Test func isTwoStringsAndABox() {
    #expect(MemoryLayout<Name>.size <= 40)
  }
}
