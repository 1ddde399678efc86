import CiteprocData
import Testing

/// The small maps that hold a reference's variables.
struct VariableMapTests {
  @Test func setGetAndRemove() {
    var map = VariableMap<String>()
    #expect(map.isEmpty)
    map["title"] = "A"
    map["volume"] = "2"
    map["title"] = "B"
    #expect(map["title"] == "B")
    #expect(map["volume"] == "2")
    #expect(map["page"] == nil)
    #expect(map.count == 2)
    map["title"] = nil
    #expect(map["title"] == nil)
    #expect(map.keys == ["volume"])
    // Removing an absent key changes nothing.
    map["page"] = nil
    #expect(map.count == 1)
  }

  @Test func keysOfTheSameLengthAreToldApart() {
    // "issue" and "title" have the same length, so the text itself must decide.
    let map: VariableMap<String> = ["issue": "3", "title": "T", "container-title": "C"]
    #expect(map["issue"] == "3")
    #expect(map["title"] == "T")
    #expect(map["container-title"] == "C")
    #expect(map["titles"] == nil)
  }

  @Test func defaultSubscriptAppendsInPlace() {
    var map = VariableMap<[Name]>()
    map["author", default: []].append(Name(family: "Smith"))
    map["author", default: []].append(Name(family: "Jones"))
    #expect(map["author"]?.map(\.family) == ["Smith", "Jones"])
    #expect(map["editor", default: []].isEmpty)
    #expect(map.count == 1)
  }

  @Test func equalityAndHashIgnoreOrder() {
    var a = VariableMap<String>()
    a["title"] = "T"
    a["page"] = "1-2"
    var b = VariableMap<String>()
    b["page"] = "1-2"
    b["title"] = "T"
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Set([a, b]).count == 1)
    b["page"] = "1-3"
    #expect(a != b)
    b["page"] = "1-2"
    b["volume"] = "1"
    #expect(a != b)
  }

  @Test func dictionaryRoundTrip() {
    let dictionary = ["title": "T", "page": "1", "DOI": "10.1/x"]
    var map = VariableMap(dictionary)
    #expect(map.dictionary == dictionary)
    map.reserveCapacity(40)
    #expect(map.dictionary == dictionary)
    #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == dictionary)
  }

  @Test func referenceEqualityIgnoresTheOrderVariablesWereSetIn() {
    var a = Reference(id: "x", type: "book")
    a.fields["title"] = "T"
    a.fields["publisher"] = "P"
    let b = Reference(id: "x", type: "book", fields: ["publisher": "P", "title": "T"])
    #expect(a == b)
    #expect(a.field("title") == "T")
    #expect(a.has("publisher"))
    #expect(!a.has("page"))
  }
}

/// Names keep their rarer parts in a shared box; copies must not see each other's changes.
struct NamePartsTests {
  @Test func rarePartsSetAndClear() {
    var name = Name(family: "Gogh", given: "Vincent", nonDroppingParticle: "van")
    #expect(name.nonDroppingParticle == "van")
    #expect(name.droppingParticle == nil)
    let copy = name
    name.suffix = "Jr."
    name.nonDroppingParticle = nil
    #expect(name.suffix == "Jr.")
    #expect(name.nonDroppingParticle == nil)
    // The copy keeps its own parts.
    #expect(copy.nonDroppingParticle == "van")
    #expect(copy.suffix == nil)
    name.suffix = nil
    #expect(name == Name(family: "Gogh", given: "Vincent"))
  }

  @Test func equalityAndHashCoverEveryPart() {
    let base = Name(
      family: "Fontaine", given: "Jean", droppingParticle: "de", nonDroppingParticle: "La", suffix: "III",
      commaSuffix: true, staticOrdering: false, literal: nil)
    #expect(base == base)
    var variants: [Name] = []
    for change in 0..<8 {
      var other = base
      switch change {
      case 0: other.family = "Font"
      case 1: other.given = "J."
      case 2: other.droppingParticle = "du"
      case 3: other.nonDroppingParticle = nil
      case 4: other.suffix = "II"
      case 5: other.commaSuffix = false
      case 6: other.staticOrdering = true
      default: other.literal = "Jean de La Fontaine"
      }
      #expect(other != base, "change \(change)")
      variants.append(other)
    }
    #expect(Set(variants + [base]).count == 9)
    #expect(Name.literal("WHO").literal == "WHO")
    #expect(Name.literal("WHO").isEmpty == false)
    #expect(Name().isEmpty)
  }
}
