import CiteprocReaders
import Testing

@Test func inputFormatsAreNamed() {
  #expect(InputFormat.allCases.map(\.rawValue) == ["ris", "csl-json"])
}
