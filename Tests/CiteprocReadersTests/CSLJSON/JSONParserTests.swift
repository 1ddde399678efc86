import CiteprocReaders
import Testing

private func parse(_ text: String) throws(JSONParseError) -> JSONNode {
  try JSONParser.parse(Array(text.utf8))
}

private func parseError(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
  do {
    _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
    return nil
  } catch {
    return error
  }
}

private func parseError(_ text: String) -> JSONParseError? { parseError(Array(text.utf8)) }

@Suite struct JSONParserTests {
  @Test func scalars() throws {
    #expect(try parse("null").value == .null)
    #expect(try parse(" true ").value == .bool(true))
    #expect(try parse("false").value == .bool(false))
    #expect(try parse("\"hi\"").value == .string("hi"))
  }

  @Test func numbersKeepTheirText() throws {
    for text in ["0", "-0", "61", "-12", "1.50", "1e3", "2.5E-07", "1E+2"] {
      #expect(try parse(text).value == .number(text))
    }
  }

  @Test func badNumbersAreErrors() {
    for text in ["01", "-", "1.", ".5", "1e", "+1", "1.e5", "-a"] {
      #expect(parseError(text) != nil, "\(text) should be refused")
    }
  }

  @Test func arraysAndObjectsKeepOrderAndLines() throws {
    let node = try parse("{\n  \"b\": [1, \"x\"],\n  \"a\": {},\n  \"b\": null\n}")
    #expect(node.line == 1)
    let members = try #require(node.value.members)
    #expect(members.map(\.key) == ["b", "a", "b"])
    #expect(members.map(\.line) == [2, 3, 4])
    #expect(
      members[0].value.value == .array([JSONNode(.number("1"), line: 2), JSONNode(.string("x"), line: 2)]))
    #expect(members[1].value.value == .object([]))
    #expect(members.last("b")?.value == .null)
  }

  @Test func linesOfArrayElements() throws {
    let node = try parse("[\n1,\n\n  \"two\",\r\n[\n]\n]")
    let elements = try #require(node.value.array)
    #expect(elements.map(\.line) == [2, 4, 5])
  }

  @Test func firstLineOffset() throws {
    let node = try JSONParser.parse(Array("\n[1]".utf8), firstLine: 10)
    #expect(node.line == 11)
    #expect(throws: JSONParseError(line: 12, "unexpected end of input, expected a value")) {
      try JSONParser.parse(Array("\n[1,\n".utf8), firstLine: 10)
    }
    #expect(throws: JSONParseError(line: 11, "unexpected end of input inside an array")) {
      try JSONParser.parse(Array("\n[1".utf8), firstLine: 10)
    }
  }

  @Test func escapes() throws {
    #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#).value == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
    #expect(try parse(#""\u00e9\u00C9\u20AC""#).value == .string("éÉ€"))
    #expect(try parse(#""\u0000""#).value == .string("\u{0}"))
    // U+1F600 as a surrogate pair, and U+10437 (𐐷) as D801 DC37.
    #expect(try parse(#""x\uD83D\uDE00y""#).value == .string("x😀y"))
    #expect(try parse(#""\ud801\udc37""#).value == .string("\u{10437}"))
    // Raw UTF-8 passes through.
    #expect(try parse("\"Müller 司马\"").value == .string("Müller 司马"))
  }

  @Test func badEscapesAreErrors() {
    #expect(parseError(#""\x""#)?.message == "invalid escape '\\x' in a string")
    #expect(parseError(#""\u12""#)?.message == "a \\u escape needs four hex digits")
    #expect(parseError(#""\uD83D""#)?.message == "unpaired surrogate \\uD83D in a string")
    #expect(parseError(#""\uD83Dx""#)?.message == "unpaired surrogate \\uD83D in a string")
    #expect(parseError(#""\uD83D\u0041""#)?.message == "unpaired surrogate \\uD83D in a string")
    #expect(parseError(#""\uDE00""#)?.message == "unpaired surrogate \\uDE00 in a string")
  }

  @Test func errorsCarryTheirLine() {
    #expect(
      parseError("[\n1,\n2\n3]")
        == JSONParseError(line: 4, "unexpected character '3', expected ',' or ']' in an array"))
    #expect(parseError("{\n\"a\" 1}") == JSONParseError(line: 2, "expected ':' after the object key \"a\""))
    #expect(
      parseError("{\"a\": 1,\n}")
        == JSONParseError(line: 2, "unexpected character '}', expected a string key in an object"))
    #expect(parseError("[1,\n\n2,]") == JSONParseError(line: 3, "unexpected character ']', expected a value"))
    #expect(
      parseError("[\n\"abc\ndef\"]")
        == JSONParseError(line: 2, "unterminated string (a line break must be written \\n)"))
    #expect(parseError("[1]\n x") == JSONParseError(line: 2, "unexpected character 'x' after the JSON value"))
    #expect(parseError("") == JSONParseError(line: 1, "unexpected end of input, expected a value"))
    #expect(parseError("  \n ") == JSONParseError(line: 2, "unexpected end of input, expected a value"))
    #expect(parseError("tru") == JSONParseError(line: 1, "unexpected character 't', expected a value"))
    #expect(parseError("nul1") == JSONParseError(line: 1, "unexpected character 'n', expected a value"))
  }

  @Test func truncatedInputAtEveryLength() throws {
    let text = "[{\"id\": \"A\\u00e9\", \"n\": [1.5e3, true, null]}]"
    let bytes = Array(text.utf8)
    #expect(try JSONParser.parse(bytes).value.array?.count == 1)
    for length in 0..<bytes.count {
      #expect(parseError(Array(bytes[0..<length])) != nil, "prefix of \(length) bytes")
    }
  }

  @Test func depthLimit() throws {
    let ok = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
    #expect(try JSONParser.parse(Array(ok.utf8), maxDepth: 10).value.array?.count == 1)
    let error = parseError(Array(ok.utf8), maxDepth: 9)
    #expect(error == JSONParseError(line: 1, "arrays and objects nested more than 9 levels deep"))
    // Far deeper than the default limit: refused without exhausting the stack.
    let deep = Array(repeating: UInt8(ascii: "["), count: 1_000_000)
    #expect(parseError(deep)?.message == "arrays and objects nested more than 256 levels deep")
    let deepObjects = Array(String(repeating: "{\"a\":", count: 100_000).utf8)
    #expect(parseError(deepObjects)?.message == "arrays and objects nested more than 256 levels deep")
  }

  @Test func garbageBytes() {
    #expect(parseError([0x22, 0xFF, 0x22])?.message == "invalid UTF-8 in a string")
    #expect(parseError([0x22, 0xC3, 0x22])?.message == "invalid UTF-8 in a string")
    // An escaped string with a broken sequence goes through the slow path.
    #expect(parseError([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22])?.message == "invalid UTF-8 in a string")
    #expect(parseError([0x00])?.message == "unexpected byte 0x00, expected a value")
    #expect(
      parseError([0x22, 0x61, 0x00, 0x22])?.message == "control character 0x00 must be escaped in a string")
    #expect(
      parseError([0x5B, 0x31, 0x00, 0x5D])?.message == "unexpected byte 0x00, expected ',' or ']' in an array"
    )
    #expect(parseError([0xFF, 0xFE])?.message == "unexpected byte 0xFF, expected a value")
    // Every byte value at every position of a small document: no trap, always an answer.
    let base = Array("{\"a\": [1, \"b\"]}".utf8)
    for index in base.indices {
      for byte in UInt8.min...UInt8.max {
        var mutated = base
        mutated[index] = byte
        _ = parseError(mutated)
      }
    }
  }

  @Test func byteOrderMarkIsSkipped() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)).value == .array([]))
  }

  @Test func truthiness() throws {
    let truthy = try #require(try parse("[true, 1, \"true\", \"yes\", 2.5, [], {}]").value.array)
    #expect(truthy.allSatisfy { $0.value.isTruthy })
    let falsy = try #require(try parse("[false, 0, \"\", \"0\", \"false\", null, 0.0]").value.array)
    #expect(!falsy.contains { $0.value.isTruthy })
  }
}
