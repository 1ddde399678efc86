import Foundation
import Testing

@testable import Citeproc

#if canImport(Glibc)
  import Glibc
#endif

/// A valid style whose bibliography layout is `body`, with `macros` beside the layouts.
private func style(macros: String = "", body: String) -> String {
  """
  <?xml version="1.0" encoding="utf-8"?>
  <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><title>T</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  \(macros)
    <citation><layout><text variable="title"/></layout></citation>
    <bibliography><layout>\(body)</layout></bibliography>
  </style>
  """
}

/// Loads `bytes` as a style; returns its errors (empty when it loaded) and the time it took.
private func load(_ bytes: [UInt8]) -> (errors: [Diagnostic], seconds: Double) {
  let start = ContinuousClock.now
  var errors: [Diagnostic] = []
  do {
    _ = try StyleLoader().load(bytes: bytes, file: "hostile.csl")
  } catch {
    errors = error.diagnostics.filter { $0.severity == .error }
  }
  let elapsed = ContinuousClock.now - start
  return (errors, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// A temporary folder removed when the value goes away.
private final class TemporaryFolder {
  let path: String
  init() throws {
    path = NSTemporaryDirectory() + "citeproc-hostile-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A TCP socket listening on a free port of 127.0.0.1, to prove that nothing connects to it.
private final class Listener {
  let descriptor: Int32
  let port: UInt16

  init?() {
    #if canImport(Glibc)
      let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
    #else
      let socketType = SOCK_STREAM
    #endif
    let fd = socket(AF_INET, socketType, 0)
    guard fd >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard bound == 0, listen(fd, 8) == 0, named == 0 else {
      close(fd)
      return nil
    }
    descriptor = fd
    port = UInt16(bigEndian: address.sin_port)
  }

  /// True when a connection is waiting (the socket does not block).
  var wasContacted: Bool {
    let connection = accept(descriptor, nil, nil)
    if connection >= 0 { close(connection) }
    return connection >= 0
  }

  deinit { close(descriptor) }
}

@Suite struct HostileXMLTests {
  @Test func externalEntityReadsNoFile() throws {
    let folder = try TemporaryFolder()
    let secret = try folder.write("secret.txt", "TOP-SECRET-CONTENT")
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE style [<!ENTITY leak SYSTEM "file://\(secret)">]>
      <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>&leak;</title></info></style>
      """
    let (errors, seconds) = load(Array(xml.utf8))
    #expect(
      errors.map(\.description) == [
        "hostile.csl:2: error: a document type declaration is not allowed in a style or locale"
      ])
    #expect(!errors.description.contains("TOP-SECRET"))
    #expect(seconds < 1)
  }

  @Test func parameterEntityAndExternalDTDOpenNoConnection() throws {
    let listener = try #require(Listener())
    let url = "http://127.0.0.1:\(listener.port)"
    let documents = [
      "<!DOCTYPE style SYSTEM \"\(url)/style.dtd\">\n<style/>",
      "<!DOCTYPE style PUBLIC \"-//X//DTD X//EN\" \"\(url)/public.dtd\">\n<style/>",
      "<!DOCTYPE style [<!ENTITY % remote SYSTEM \"\(url)/entities\">\n%remote;]>\n<style/>",
      "<!DOCTYPE style [<!ENTITY remote SYSTEM \"\(url)/text\">]>\n<style>&remote;</style>",
      "<style xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)/x.xml\"/></style>",
    ]
    for document in documents {
      let (errors, seconds) = load(Array(document.utf8))
      #expect(!errors.isEmpty, "\(document)")
      #expect(errors.allSatisfy { $0.file == "hostile.csl" && $0.line != nil }, "\(errors)")
      #expect(seconds < 1)
    }
    #expect(!listener.wasContacted)
  }

  @Test func externalDTDFileIsNotRead() throws {
    let folder = try TemporaryFolder()
    let dtd = try folder.write("style.dtd", "<!ENTITY title \"FROM-THE-DTD\">")
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE style SYSTEM \"\(dtd)\">\n<style>&title;</style>"
    let (errors, _) = load(Array(xml.utf8))
    #expect(
      errors.map(\.description) == [
        "hostile.csl:2: error: a document type declaration is not allowed in a style or locale"
      ])
  }

  @Test func billionLaughs() {
    var declarations = "<!ENTITY lol0 \"lol\">"
    for level in 1...9 {
      let previous = String(repeating: "&lol\(level - 1);", count: 10)
      declarations += "\n<!ENTITY lol\(level) \"\(previous)\">"
    }
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE style [\(declarations)]>\n<style>&lol9;</style>"
    let (errors, seconds) = load(Array(xml.utf8))
    #expect(errors.count == 1)
    #expect(errors.first?.message == "a document type declaration is not allowed in a style or locale")
    #expect(seconds < 1)
  }

  @Test func macrosNestedTooDeeplyAreAnError() {
    let count = 200
    var macros = "<macro name=\"m\(count)\"><text variable=\"issue\"/></macro>\n"
    for index in 0..<count {
      macros += "<macro name=\"m\(index)\"><group><text macro=\"m\(index + 1)\"/></group></macro>\n"
    }
    let (errors, seconds) = load(Array(style(macros: macros, body: "<text macro=\"m0\"/>").utf8))
    #expect(errors.count == 1)
    #expect(errors.first?.message.hasPrefix("elements are nested more than 128 deep") == true)
    #expect(errors.first?.file == "hostile.csl" && errors.first?.line != nil)
    #expect(seconds < 1)
  }

  @Test func nestingTenThousandDeep() {
    let depth = 10_000
    let body = String(repeating: "<group>\n", count: depth) + String(repeating: "</group>", count: depth)
    let (errors, seconds) = load(Array(style(body: body).utf8))
    #expect(errors.count == 1)
    #expect(errors.first?.message == "elements are nested more than 256 deep")
    #expect((250...262).contains(errors.first?.line ?? 0))
    #expect(seconds < 1)
  }

  @Test func fiftyMegabyteStyleIsRefusedUnread() throws {
    let padding = String(
      repeating: "<text value=\"0123456789012345678901234567890123456789\"/>\n", count: 900_000)
    let xml = style(body: padding)
    #expect(xml.utf8.count > 50_000_000)
    let (errors, seconds) = load(Array(xml.utf8))
    #expect(errors.map(\.message) == ["the style is larger than 10 MB"])
    #expect(seconds < 1)

    let folder = try TemporaryFolder()
    let path = try folder.write("huge.csl", xml)
    do {
      _ = try StyleLoader().load(path)
      Issue.record("a 50 MB style loaded")
    } catch {
      #expect(error.diagnostics.map(\.description) == ["\(path): error: the style is larger than 10 MB"])
    }
  }

  @Test func invalidUTF8() {
    let parts = style(body: "<text value=\"caf@\"/>").split(separator: "@", omittingEmptySubsequences: false)
    let bytes = Array(parts[0].utf8) + [0xC3, 0x28, 0xFF] + Array(parts[1].utf8)
    let (errors, seconds) = load(bytes)
    #expect(errors.count == 1)
    #expect(errors.first?.message == "the document is not valid UTF-8")
    #expect(errors.first?.line == 6)
    #expect(seconds < 1)
  }

  @Test func localeFilesAreParsedTheSameWay() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE locale [<!ENTITY x \"y\">]>\n<locale>&x;</locale>"
    #expect(throws: Diagnostic.self) { _ = try XMLDocumentLoader.parse(Array(xml.utf8), file: "l.xml") }
  }
}

@Suite struct LargeValidStyleTests {
  private func renderTitle(_ xml: String) throws -> String {
    let loaded = try StyleLoader().load(xml: xml, file: "big.csl")
    let processor = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
    let entries = processor.bibliography([seedReference])
    return entries.map { PlainTextFormatForTests().string(for: $0.content) }.joined()
  }

  @Test func deeplyNestedGroupsRender() throws {
    let depth = StyleCompiler.maximumNesting
    let body =
      String(repeating: "<group prefix=\"(\" suffix=\")\">", count: depth - 1) + "<text variable=\"volume\"/>"
      + String(repeating: "</group>", count: depth - 1)
    let text = try renderTitle(style(body: body))
    #expect(
      text == String(repeating: "(", count: depth - 1) + "61" + String(repeating: ")", count: depth - 1))
  }

  @Test func longMacroChainRenders() throws {
    // The layout's <text>, one <text> per macro and the last macro's <text>: exactly the limit.
    let count = StyleCompiler.maximumNesting - 2
    var macros = "<macro name=\"m\(count)\"><text variable=\"issue\"/></macro>\n"
    for index in 0..<count {
      macros += "<macro name=\"m\(index)\"><text macro=\"m\(index + 1)\"/></macro>\n"
    }
    let text = try renderTitle(style(macros: macros, body: "<text macro=\"m0\"/>"))
    #expect(text == "589")
  }

  @Test func manyMacrosCalledManyTimesRender() throws {
    // Each macro calls the next one twice: 2^40 calls if expanded naively.
    let count = 40
    var macros = "<macro name=\"m\(count)\"><text value=\"x\"/></macro>\n"
    for index in 0..<count {
      macros += "<macro name=\"m\(index)\"><group><text macro=\"m\(index + 1)\"/></group></macro>\n"
    }
    let text = try renderTitle(style(macros: macros, body: "<text macro=\"m0\"/>"))
    #expect(text == "x")
  }

  @Test func wideLayoutRenders() throws {
    let width = 10_000
    let body =
      "<group delimiter=\"\">" + String(repeating: "<text value=\"x\"/>", count: width)
      + "<choose><if variable=\"note\"><text value=\"no\"/></if>"
      + (0..<width).map { _ in "<else-if variable=\"note\"><text value=\"no\"/></else-if>" }.joined()
      + "<else><text variable=\"volume\"/></else></choose></group>"
    let text = try renderTitle(style(body: body))
    #expect(text == String(repeating: "x", count: width) + "61")
  }
}
