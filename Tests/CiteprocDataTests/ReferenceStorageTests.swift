import Testing

@testable import CiteprocData

/// The numbers of variable names in a reference's storage.
struct VariableKeysTests {
  @Test func everyNameHasANumberOfItsOwn() {
    let names = VariableKeys.names
    #expect(Set(names).count == names.count)
    #expect(names.count < Int(VariableKeys.other))
    for (number, name) in names.enumerated() {
      #expect(VariableKeys.key(of: name) == UInt8(number), "\(name)")
    }
  }

  @Test func everyCSLVariableIsNumbered() {
    for name in CSLVariables.names.union(CSLVariables.dates).union(CSLVariables.numbers).union(
      CSLVariables.ordinary)
    {
      #expect(VariableKeys.key(of: name) != VariableKeys.other, "\(name)")
    }
    for name in ["title", "container-title", "DOI", "URL", "journalAbbreviation", "container-title-short"] {
      #expect(VariableKeys.key(of: name) != VariableKeys.other, "\(name)")
    }
  }

  @Test func otherNamesHaveNone() {
    // Same length and first letter as numbered names, other case, a prefix, empty, very long.
    for name in [
      "titla", "TITLE", "Title", "titl", "", "isbn", "custom-field", String(repeating: "x", count: 40),
      "container-title-shorts", "é",
    ] {
      #expect(VariableKeys.key(of: name) == VariableKeys.other, "\(name)")
    }
  }

  @Test func aSlotTakesTwentyFourBytes() {
    // The point of the numbers: a value of any kind and its name's number in 24 bytes.
    #expect(MemoryLayout<VariableSlot>.stride == 24)
    #expect(MemoryLayout<Reference>.size == 40)
  }
}

/// A reference keeps all its variables in one array; the maps by kind are made from it.
struct ReferenceStorageTests {
  let author = [Name(family: "Cocksedge", given: "Simon"), Name(family: "Greenfield", given: "R")]

  @Test func variablesOfEveryKindComeBack() {
    let reference = Reference(
      id: "a", type: "article-journal",
      fields: ["title": "T", "page": "e484-91", "my-own-field": "X", "volume": ""],
      names: ["author": author, "my-own-names": [Name(literal: "Org")]],
      dates: ["issued": CSLDate(year: 2011, month: 8), "my-own-date": CSLDate(year: 1999)])
    #expect(reference.text("title") == "T")
    #expect(reference.field("page") == "e484-91")
    #expect(reference.text("my-own-field") == "X")
    #expect(reference.text("volume") == "")
    #expect(reference.field("volume") == nil)
    #expect(reference.text("issue") == nil)
    #expect(reference.nameList("author") == author)
    #expect(reference.nameList("my-own-names") == [Name(literal: "Org")])
    #expect(reference.nameList("editor") == nil)
    #expect(reference.date("issued") == CSLDate(year: 2011, month: 8))
    #expect(reference.date("my-own-date") == CSLDate(year: 1999))
    #expect(reference.date("accessed") == nil)
    // The maps by kind hold the same, in the order given.
    #expect(reference.fields.keys == ["my-own-field", "page", "title", "volume"])
    #expect(reference.fields["my-own-field"] == "X")
    #expect(reference.names.dictionary == ["author": author, "my-own-names": [Name(literal: "Org")]])
    #expect(reference.dates.count == 2)
  }

  @Test func theSameNameOfTwoKindsIsTwoVariables() {
    let reference = Reference(
      id: "a", type: "book", fields: ["author": "as text", "strange": "text"],
      names: ["author": author, "strange": author], dates: ["strange": CSLDate(year: 1)])
    #expect(reference.text("author") == "as text")
    #expect(reference.nameList("author") == author)
    #expect(reference.text("strange") == "text")
    #expect(reference.nameList("strange") == author)
    #expect(reference.date("strange") == CSLDate(year: 1))
    #expect(reference.date("author") == nil)
  }

  @Test func settingOneKindKeepsTheOthers() {
    var reference = Reference(
      id: "a", type: "book", fields: ["title": "T"], names: ["author": author],
      dates: ["issued": CSLDate(year: 2011)])
    reference.fields["publisher"] = "P"
    reference.names["editor"] = [Name(family: "Allen")]
    reference.dates["accessed"] = CSLDate(year: 2020)
    #expect(reference.fields.dictionary == ["title": "T", "publisher": "P"])
    #expect(reference.names.keys == ["author", "editor"])
    #expect(reference.dates.keys == ["issued", "accessed"])
    reference.removeDate("issued")
    reference.removeDate("submitted")
    #expect(reference.dates.keys == ["accessed"])
    #expect(reference.text("title") == "T" && reference.nameList("author") == author)
    reference.fields = [:]
    #expect(reference.fields.isEmpty)
    #expect(reference.names.count == 2 && reference.dates.count == 1)
  }

  @Test func hasCountsOnlyValuesThatAreNotEmpty() {
    let reference = Reference(
      id: "a", type: "book", fields: ["title": "", "note": "n", "extra-thing": ""],
      names: ["author": [], "editor": author, "odd-names": author],
      dates: ["issued": CSLDate(), "accessed": CSLDate(year: 2020)])
    #expect(!reference.has("title"))
    #expect(reference.has("note"))
    #expect(!reference.has("extra-thing"))
    #expect(!reference.has("author"))
    #expect(reference.has("editor"))
    #expect(reference.has("odd-names"))
    #expect(!reference.has("issued"))
    #expect(reference.has("accessed"))
    #expect(!reference.has("volume"))
    #expect(!reference.has("never-set"))
  }

  @Test func equalityIgnoresOrder() {
    let a = Reference(
      id: "a", type: "book", fields: VariableMap(dictionaryLiteral: ("title", "T"), ("x-y", "1")),
      names: ["author": author])
    let b = Reference(
      id: "a", type: "book", fields: VariableMap(dictionaryLiteral: ("x-y", "1"), ("title", "T")),
      names: ["author": author])
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a != Reference(id: "a", type: "book", fields: ["title": "T"], names: ["author": author]))
    #expect(
      a != Reference(id: "b", type: "book", fields: ["title": "T", "x-y": "1"], names: ["author": author]))
  }

  @Test func fieldsCanBeDroppedByName() {
    let reference = Reference(
      id: "a", type: "book", fields: ["title": "T", "abstract": "long", "odd-field": "o"],
      names: ["author": author], dates: ["issued": CSLDate(year: 2011)])
    let trimmed = reference.keepingFields { $0 == "title" }
    #expect(trimmed.fields.dictionary == ["title": "T"])
    // Names and dates are kept whatever the test says.
    #expect(trimmed.nameList("author") == author)
    #expect(trimmed.date("issued") == CSLDate(year: 2011))
    #expect(reference.keepingFields { _ in true } == reference)
  }

  @Test func lookingUpByNumberFindsWhatLookingUpByNameFinds() {
    let reference = Reference(
      id: "a", type: "book", fields: ["title": "T", "volume": "", "odd-field": "o", "author": "as text"],
      names: ["author": author, "editor": [], "odd-names": author],
      dates: ["issued": CSLDate(year: 2011), "accessed": CSLDate()])
    let names = [
      "title", "volume", "odd-field", "author", "editor", "odd-names", "issued", "accessed", "page",
      "never-set",
    ]
    for name in names {
      let variable = VariableName(name)
      #expect(reference.text(variable) == reference.text(name), "\(name)")
      #expect(reference.field(variable) == reference.field(name), "\(name)")
      #expect(reference.nameList(variable) == reference.nameList(name), "\(name)")
      #expect(reference.date(variable) == reference.date(name), "\(name)")
      #expect(reference.has(variable) == reference.has(name), "\(name)")
    }
    // And those answers are the right ones.
    #expect(reference.text(VariableName("title")) == "T")
    #expect(reference.text(VariableName("author")) == "as text")
    #expect(reference.nameList(VariableName("author")) == author)
    #expect(reference.field(VariableName("odd-field")) == "o")
    #expect(!reference.has(VariableName("volume")) && !reference.has(VariableName("editor")))
    #expect(reference.has(VariableName("odd-names")) && reference.has(VariableName("issued")))
    #expect(!reference.has(VariableName("accessed")))
  }

  @Test func aNameKeepsItsNumberInACopyOfItsText() {
    let variable: VariableName = "container-title"
    let copy = variable.withName(String(decoding: Array("container-title".utf8), as: UTF8.self))
    #expect(copy == variable)
    let reference = Reference(id: "a", type: "book", fields: ["container-title": "J"])
    #expect(reference.field(copy) == "J")
  }
}
