/// A JSON syntax error at a line of the input.
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line where the problem was found.
  package var line: Int
  package var message: String

  package init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }

  package var description: String { "line \(line): \(message)" }
}

/// A strict RFC 8259 JSON parser working on UTF-8 bytes. It records the line of every value, keeps
/// number text as written and object members in order, and reports the first error with its line
/// instead of trapping, whatever the input (invalid UTF-8, NUL bytes, truncation, deep nesting).
package struct JSONParser {
  /// The default limit on nested arrays and objects.
  package static let defaultMaxDepth = 256

  private let bytes: [UInt8]
  private var position = 0
  private var line: Int
  private let maxDepth: Int

  private init(bytes: [UInt8], firstLine: Int, maxDepth: Int) {
    self.bytes = bytes
    self.line = firstLine
    self.maxDepth = maxDepth
  }

  /// Parses one JSON document. A leading UTF-8 byte order mark is skipped.
  /// - Parameters:
  ///   - firstLine: the line number of the first byte, for input cut out of a larger file.
  ///   - maxDepth: how deeply arrays and objects may nest before the input is refused.
  package static func parse(
    _ bytes: [UInt8], firstLine: Int = 1, maxDepth: Int = defaultMaxDepth
  ) throws(JSONParseError) -> JSONNode {
    var parser = JSONParser(bytes: bytes, firstLine: firstLine, maxDepth: maxDepth)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
    parser.skipWhitespace()
    let node = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.position < bytes.count {
      throw parser.error("unexpected \(parser.describeCurrentByte()) after the JSON value")
    }
    return node
  }

  // MARK: - Values

  private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
    guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
    let startLine = line
    switch bytes[position] {
    case UInt8(ascii: "{"): return JSONNode(try parseObject(depth: depth + 1), line: startLine)
    case UInt8(ascii: "["): return JSONNode(try parseArray(depth: depth + 1), line: startLine)
    case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), line: startLine)
    case UInt8(ascii: "t"):
      try expectWord("true")
      return JSONNode(.bool(true), line: startLine)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return JSONNode(.bool(false), line: startLine)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return JSONNode(.null, line: startLine)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try parseNumber()), line: startLine)
    default:
      throw error("unexpected \(describeCurrentByte()), expected a value")
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    try checkDepth(depth)
    position += 1  // {
    var members: [JSONMember] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of input inside an object") }
      guard bytes[position] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeCurrentByte()), expected a string key in an object")
      }
      let keyLine = line
      let key = try parseString()
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else {
        throw error("expected ':' after the object key \"\(key)\"")
      }
      position += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(JSONMember(key: key, line: keyLine, value: value))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      case nil: throw error("unexpected end of input inside an object")
      default: throw error("unexpected \(describeCurrentByte()), expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    try checkDepth(depth)
    position += 1  // [
    var elements: [JSONNode] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      case nil: throw error("unexpected end of input inside an array")
      default: throw error("unexpected \(describeCurrentByte()), expected ',' or ']' in an array")
      }
    }
  }

  private func checkDepth(_ depth: Int) throws(JSONParseError) {
    if depth > maxDepth {
      throw error("arrays and objects nested more than \(maxDepth) levels deep")
    }
  }

  private mutating func expectWord(_ word: String) throws(JSONParseError) {
    let expected = word.utf8
    guard position + expected.count <= bytes.count,
      bytes[position..<position + expected.count].elementsEqual(expected)
    else { throw error("unexpected \(describeCurrentByte()), expected a value") }
    position += expected.count
  }

  // MARK: - Numbers

  /// Reads a number in JSON's grammar, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, and returns its text.
  private mutating func parseNumber() throws(JSONParseError) -> String {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    guard let first = peek(), isDigit(first) else { throw error("a number needs a digit after '-'") }
    position += 1
    if first == UInt8(ascii: "0") {
      if let next = peek(), isDigit(next) { throw error("a number must not have leading zeros") }
    } else {
      skipDigits()
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard let next = peek(), isDigit(next) else { throw error("a number needs a digit after '.'") }
      skipDigits()
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      guard let next = peek(), isDigit(next) else { throw error("a number needs a digit in its exponent") }
      skipDigits()
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func skipDigits() {
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  // MARK: - Strings

  /// Reads a string starting at its opening quote. Runs without escapes are copied in one go.
  private mutating func parseString() throws(JSONParseError) -> String {
    position += 1  // opening quote
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = try decodeUTF8(bytes[start..<position])
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw controlCharacterError(byte) }
      position += 1
    }
    var buffer = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        let text = try decodeUTF8(buffer[...])
        position += 1
        return text
      case UInt8(ascii: "\\"):
        try parseEscape(into: &buffer)
      case 0..<0x20:
        throw controlCharacterError(byte)
      default:
        buffer.append(byte)
        position += 1
      }
    }
    throw error("unexpected end of input inside a string")
  }

  private func controlCharacterError(_ byte: UInt8) -> JSONParseError {
    if byte == UInt8(ascii: "\n") { return error("unterminated string (a line break must be written \\n)") }
    return error("control character \(hex(byte)) must be escaped in a string")
  }

  private func decodeUTF8(_ slice: ArraySlice<UInt8>) throws(JSONParseError) -> String {
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw error("invalid UTF-8 in a string")
    }
    return text
  }

  /// Reads one escape sequence (the position is at the backslash) and appends its UTF-8 bytes.
  private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
    position += 1
    guard let letter = peek() else { throw error("unexpected end of input inside a string") }
    position += 1
    switch letter {
    case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
    case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "u"):
      let scalar = try parseUnicodeEscape()
      UTF8.encode(scalar) { buffer.append($0) }
    default:
      throw error("invalid escape '\\\(String(decoding: [letter], as: UTF8.self))' in a string")
    }
  }

  /// Reads the hex digits after `\u`, joining a surrogate pair written as two escapes.
  private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let first = try parseHex4()
    switch first {
    case 0xD800...0xDBFF:
      guard peek() == UInt8(ascii: "\\"), peek(at: position + 1) == UInt8(ascii: "u") else {
        throw error("unpaired surrogate \\u\(hex4(first)) in a string")
      }
      position += 2
      let second = try parseHex4()
      guard (0xDC00...0xDFFF).contains(second) else {
        throw error("unpaired surrogate \\u\(hex4(first)) in a string")
      }
      let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape") }
      return scalar
    case 0xDC00...0xDFFF:
      throw error("unpaired surrogate \\u\(hex4(first)) in a string")
    default:
      guard let scalar = Unicode.Scalar(first) else { throw error("invalid \\u escape") }
      return scalar
    }
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek() else { throw error("unexpected end of input inside a \\u escape") }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  // MARK: - Helpers

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "\n"):
        line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        break
      default:
        return
      }
      position += 1
    }
  }

  private func peek() -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private func peek(at index: Int) -> UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  private func error(_ message: String) -> JSONParseError {
    JSONParseError(line: line, message)
  }

  private func describeCurrentByte() -> String {
    guard let byte = peek() else { return "end of input" }
    if byte >= 0x21 && byte < 0x7F { return "character '\(String(decoding: [byte], as: UTF8.self))'" }
    return "byte \(hex(byte))"
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
  }

  private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
