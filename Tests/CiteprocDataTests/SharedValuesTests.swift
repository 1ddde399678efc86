import CiteprocData
import Testing

/// Long values that records repeat are stored once.
struct SharedValuesTests {
  /// Where a string's UTF-8 is stored; equal for two strings that share their storage.
  private func storage(_ text: String) -> UnsafeRawPointer? {
    var copy = text
    return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  /// A string equal to `text` with storage of its own.
  private func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

  @Test func equalLongValuesShareTheirStorage() {
    let shared = SharedValues()
    let journal = "British Journal of General Practice"
    var first: VariableMap<String> = [
      "container-title": fresh(journal), "title": fresh("A title long enough"),
    ]
    var second: VariableMap<String> = [
      "container-title": fresh(journal), "title": fresh("A title long enough"),
    ]
    #expect(storage(first["container-title"] ?? "") != storage(second["container-title"] ?? ""))
    shared.share(&first)
    shared.share(&second)
    #expect(first["container-title"] == journal)
    #expect(second["container-title"] == journal)
    #expect(storage(first["container-title"] ?? "") == storage(second["container-title"] ?? ""))
    // Titles are not among the variables whose values repeat: each keeps its own.
    #expect(storage(first["title"] ?? "") != storage(second["title"] ?? ""))
  }

  @Test func aFullTableStartsAgain() {
    let shared = SharedValues(limit: 2)
    let a = shared.shared(fresh("Journal of the First Kind"))
    _ = shared.shared(fresh("Journal of the Second Kind"))
    // The table is full: it starts again, so an equal value no longer finds the first one.
    let again = shared.shared(fresh("Journal of the First Kind"))
    #expect(again == a)
    #expect(storage(again) != storage(a))
    // And from then on the new one is found.
    #expect(storage(shared.shared(fresh("Journal of the First Kind"))) == storage(again))
  }
}

/// Which variables' values are shared.
struct SharedValuesVariablesTests {
  @Test func placesOfPublicationRepeat() {
    for variable in [
      "container-title", "container-title-short", "journalAbbreviation", "collection-title", "publisher",
      "publisher-place", "event-title", "event-place", "archive", "archive-place", "medium", "genre",
      "source",
    ] {
      #expect(SharedValues.repeats(variable), "\(variable)")
    }
  }

  @Test func aWorkOwnDataDoesNot() {
    for variable in [
      "title", "DOI", "URL", "abstract", "note", "page", "container", "publishers", "genres", "",
    ] {
      #expect(!SharedValues.repeats(variable), "\(variable)")
    }
  }
}
