import CLibXML2
import CiteprocData

/// The only code that touches libxml2. It parses a document with no network access, no DTD loading
/// and no entity expansion, copies it into an ``XMLTreeElement`` tree and frees the C document before
/// it returns.
///
/// Hostile documents fail fast: the parser stops at a document type declaration (so neither an
/// internal subset with entity bombs nor an external DTD is ever read), libxml2's loader of external
/// resources refuses every request, nesting is limited to 256 levels and documents to
/// ``maximumSize`` bytes.
package enum XMLDocumentLoader {
  /// The largest document accepted. The largest official styles are about 250 KB.
  package static let maximumSize = 10 * 1024 * 1024
  /// Nesting depth libxml2 accepts without `XML_PARSE_HUGE`.
  package static let maximumDepth = 256

  package static let tooLargeMessage = "is larger than 10 MB"
  static let doctypeMessage = "a document type declaration is not allowed in a style or locale"

  /// Parses `bytes` (the whole document). `file` names the source in diagnostics.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> XMLTreeElement {
    if let tree = try read(bytes, file: file, streaming: true) { return tree }
    return try read(bytes, file: file, streaming: false) ?? XMLTreeElement(name: "")
  }

  /// Parses `bytes` with the tree built straight from libxml2's parsing events (`streaming`), or
  /// from a libxml2 document made first. Both give the same tree and the same first error; the
  /// streaming build gives up (nil) on what only the document reproduces exactly: an entity
  /// reference, an `xml:id` (libxml2 registers those and reports duplicates while building the
  /// document), a start tag past line 65,534, very long text and very deep nesting.
  package static func read(_ bytes: [UInt8], file: String, streaming: Bool) throws(Diagnostic)
    -> XMLTreeElement?
  {
    _ = parserInitialized
    citeproc_xml_silence_generic_errors()
    guard bytes.count <= maximumSize else {
      throw .error("the document \(tooLargeMessage)", file: file)
    }
    guard let context = xmlNewParserCtxt() else {
      throw .error("cannot create an XML parser", file: file)
    }
    defer { xmlFreeParserCtxt(context) }

    let state = ParseState(building: streaming)
    let collector = state.errors
    let unmanaged = Unmanaged.passRetained(state)
    defer { unmanaged.release() }
    context.pointee._private = unmanaged.toOpaque()
    if let sax = context.pointee.sax {
      sax.pointee.serror = { userData, error in
        guard let userData, let error, let state = ParseState.of(userData) else { return }
        state.errors.record(error.pointee)
      }
      sax.pointee.warning = nil
      sax.pointee.error = nil
      // Stop at `<!DOCTYPE`, before its internal subset or external DTD is looked at.
      sax.pointee.internalSubset = { userData, _, _, _ in
        guard let userData else { return }
        let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        ParseState.of(userData)?.errors.refuseDoctype(line: Int(ctxt.pointee.input?.pointee.line ?? 0))
        xmlStopParser(ctxt)
      }
      sax.pointee.externalSubset = nil
      sax.pointee.resolveEntity = nil
      if streaming { TreeBuilder.install(on: sax) }
    }

    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
    guard bytes.count < Int(Int32.max) else {
      throw .error("the document is too large", file: file)
    }
    let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
          xmlCtxtReadMemory(context, chars, Int32(buffer.count), file, nil, options)
        }
      }
    }
    if let builder = state.builder, builder.gaveUp {
      if let document { xmlFreeDoc(document) }
      return nil
    }
    if let refused = collector.doctypeLine {
      if let document { xmlFreeDoc(document) }
      throw .error(doctypeMessage, file: file, line: refused)
    }
    guard let document else {
      if let first = collector.first {
        throw .error(first.message, file: file, line: first.line)
      }
      throw .error(bytes.isEmpty ? "the document is empty" : "malformed XML", file: file, line: 1)
    }
    defer { xmlFreeDoc(document) }
    if let first = collector.first, first.fatal {
      throw .error(first.message, file: file, line: first.line)
    }
    if let subset = document.pointee.intSubset {
      throw .error(
        doctypeMessage, file: file,
        line: Int(xmlGetLineNo(UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self))))
    }
    if let builder = state.builder {
      guard let root = builder.root else {
        throw .error("the document has no root element", file: file, line: 1)
      }
      return root
    }
    guard let root = xmlDocGetRootElement(document) else {
      throw .error("the document has no root element", file: file, line: 1)
    }
    return try convert(root, file: file, depth: 0)
  }

  private static func convert(_ node: xmlNodePtr, file: String, depth: Int) throws(Diagnostic)
    -> XMLTreeElement
  {
    let line = Int(xmlGetLineNo(node))
    guard depth < 2000 else {
      throw .error("elements are nested too deeply", file: file, line: line)
    }
    var attributes: [XMLTreeElement.Attribute] = []
    var attribute = node.pointee.properties
    while let current = attribute {
      var key = string(current.pointee.name)
      if let ns = current.pointee.ns, let prefix = ns.pointee.prefix {
        key = string(prefix) + ":" + key
      }
      attributes.append(XMLTreeElement.Attribute(name: key, value: value(of: current)))
      attribute = current.pointee.next
    }

    var elementCount = 0
    var textNodes = 0
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: elementCount += 1
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: textNodes += 1
      default: break
      }
      child = current.pointee.next
    }
    var children: [XMLTreeElement] = []
    children.reserveCapacity(elementCount)
    child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        children.append(try convert(current, file: file, depth: depth + 1))
      case XML_ENTITY_REF_NODE:
        throw .error(
          "entity reference '&\(string(current.pointee.name));' is not allowed", file: file,
          line: Int(xmlGetLineNo(current)))
      default:
        break
      }
      child = current.pointee.next
    }
    return XMLTreeElement(
      name: string(node.pointee.name), attributes: attributes, children: children,
      text: textNodes == 0 ? "" : text(of: node), line: line)
  }

  /// An attribute's value. It is almost always one text node, read in place; anything else is
  /// left to libxml2 to put together.
  private static func value(of attribute: xmlAttrPtr) -> String {
    if let only = attribute.pointee.children, only.pointee.type == XML_TEXT_NODE, only.pointee.next == nil {
      return string(only.pointee.content)
    }
    guard
      let raw = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
    else { return "" }
    defer { citeproc_xml_free(raw) }
    return string(raw)
  }

  /// The concatenated text and CDATA children of `node`, made into one string.
  private static func text(of node: xmlNodePtr) -> String {
    var bytes: [UInt8] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
        let content = current.pointee.content
      {
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
      }
      child = current.pointee.next
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text at `pointer`, or an empty string for none.
  fileprivate static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  private static let parserInitialized: Bool = {
    xmlInitParser()
    // No DTD, entity or XInclude resource is ever fetched, whatever the options say.
    xmlSetExternalEntityLoader { _, _, _ in nil }
    return true
  }()
}

/// What the callbacks of one parse share, reached through the parser context's `_private`.
private final class ParseState {
  let errors = ErrorCollector()
  let builder: TreeBuilder?

  init(building: Bool) {
    builder = building ? TreeBuilder() : nil
  }

  /// The state of the parse whose context is `userData` (libxml2 passes the context as user data).
  static func of(_ userData: UnsafeMutableRawPointer) -> ParseState? {
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let box = ctxt.pointee._private else { return nil }
    return Unmanaged<ParseState>.fromOpaque(box).takeUnretainedValue()
  }
}

/// Builds the ``XMLTreeElement`` tree from libxml2's SAX2 events, as the conversion of a libxml2
/// document would: element names without their (declared) namespace prefix, attribute names with
/// theirs, attributes in document order, text and CDATA concatenated, the line of each start tag.
private final class TreeBuilder {
  /// All mutable state, changed through one access per event.
  private var tree = Tree()

  var root: XMLTreeElement? { tree.root }
  /// Whether the document needs the libxml2 document to be converted exactly.
  var gaveUp: Bool { tree.gaveUp }

  static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
    sax.pointee.startElementNs = {
      userData, localName, prefix, uri, _, _, attributeCount, defaulted, attributes in
      guard let userData, let builder = ParseState.of(userData)?.builder else { return }
      let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
      let line = Int(ctxt.pointee.input?.pointee.line ?? 0)
      let started = builder.tree.start(
        localName: localName, prefix: prefix, uri: uri, attributes: attributes,
        count: Int(attributeCount) - Int(defaulted), line: line)
      if !started { xmlStopParser(ctxt) }
    }
    sax.pointee.endElementNs = { userData, _, _, _ in
      guard let userData, let builder = ParseState.of(userData)?.builder else { return }
      builder.tree.end()
    }
    let characters: charactersSAXFunc = { userData, bytes, length in
      guard let userData, let bytes, let builder = ParseState.of(userData)?.builder else { return }
      if !builder.tree.characters(UnsafeBufferPointer(start: bytes, count: Int(length))) {
        xmlStopParser(userData.assumingMemoryBound(to: xmlParserCtxt.self))
      }
    }
    sax.pointee.characters = characters
    sax.pointee.ignorableWhitespace = characters
    sax.pointee.cdataBlock = characters
    sax.pointee.reference = { userData, _ in
      guard let userData, let builder = ParseState.of(userData)?.builder else { return }
      builder.tree.gaveUp = true
      xmlStopParser(userData.assumingMemoryBound(to: xmlParserCtxt.self))
    }
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
  }
}

private struct Tree {
  private struct Open {
    var name: String
    var attributes: [XMLTreeElement.Attribute]
    /// Where this element's children start in `children`, and its text in `text`.
    var childrenStart: Int
    var textStart: Int
    var line: Int
  }

  private var open: [Open] = []
  /// The finished children of the open elements, outermost first.
  private var children: [XMLTreeElement] = []
  /// The text bytes of the open elements, outermost first.
  private var text: [UInt8] = []
  private(set) var root: XMLTreeElement?
  var gaveUp = false

  /// Text longer than this (libxml2 reports text nodes past 10,000,000 bytes while building a
  /// document) is left to the document.
  private static let longText = 1 << 20

  /// Opens an element; false (and gives up) when the document model is needed.
  mutating func start(
    localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int, line: Int
  ) -> Bool {
    guard line < 65535, open.count < 2000 else {
      gaveUp = true
      return false
    }
    var name = XMLDocumentLoader.string(localName)
    // libxml2 names an element with an undeclared prefix by its qualified name.
    if let prefix, uri == nil { name = XMLDocumentLoader.string(prefix) + ":" + name }
    var list: [XMLTreeElement.Attribute] = []
    if let attributes, count > 0 {
      list.reserveCapacity(count)
      for index in 0..<count {
        let base = index * 5
        var key = XMLDocumentLoader.string(attributes[base])
        if let prefix = attributes[base + 1] {
          let prefixText = XMLDocumentLoader.string(prefix)
          if prefixText == "xml" && key == "id" {
            gaveUp = true
            return false
          }
          key = prefixText + ":" + key
        }
        guard let start = attributes[base + 3], let end = attributes[base + 4] else {
          list.append(.init(name: key, value: ""))
          continue
        }
        list.append(.init(name: key, value: Self.attributeValue(start, end)))
      }
    }
    open.append(
      Open(name: name, attributes: list, childrenStart: children.count, textStart: text.count, line: line))
    return true
  }

  /// libxml2 hands over an attribute value with each `&` (from `&amp;` or `&#38;`) written as
  /// `&#38;`, for the document builder to decode; every other reference is already replaced.
  private static func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String
  {
    let bytes = UnsafeBufferPointer(start: start, count: end - start)
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = 0
    let escape = Array("&#38;".utf8)
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "&"), index + escape.count <= bytes.count,
        bytes[index..<index + escape.count].elementsEqual(escape)
      {
        decoded.append(UInt8(ascii: "&"))
        index += escape.count
      } else {
        decoded.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: decoded, as: UTF8.self)
  }

  /// Adds text to the innermost open element; false (and gives up) when it gets too long.
  mutating func characters(_ bytes: UnsafeBufferPointer<xmlChar>) -> Bool {
    guard let textStart = open.last?.textStart, !bytes.isEmpty else { return true }
    text.append(contentsOf: bytes)
    guard text.count - textStart <= Self.longText else {
      gaveUp = true
      return false
    }
    return true
  }

  mutating func end() {
    guard let done = open.popLast() else { return }
    let ownText =
      text.count == done.textStart ? "" : String(decoding: text[done.textStart...], as: UTF8.self)
    text.removeSubrange(done.textStart...)
    let ownChildren = children.count == done.childrenStart ? [] : Array(children[done.childrenStart...])
    children.removeSubrange(done.childrenStart...)
    let element = XMLTreeElement(
      name: done.name, attributes: done.attributes, children: ownChildren, text: ownText, line: done.line)
    if open.isEmpty {
      root = element
    } else {
      children.append(element)
    }
  }
}

/// Keeps the first error libxml2 reports for one parse.
private final class ErrorCollector: @unchecked Sendable {
  struct Entry {
    var message: String
    var line: Int
    var fatal: Bool
  }
  private(set) var first: Entry?

  private(set) var doctypeLine: Int?

  func refuseDoctype(line: Int) {
    if doctypeLine == nil { doctypeLine = line }
  }

  func record(_ error: xmlError) {
    guard first == nil else { return }
    var message = error.message.map { String(cString: $0) } ?? "malformed XML"
    // libxml2 adds lines of detail (the offending bytes) after the message.
    message = String(message.prefix { $0 != "\n" })
    while message.last?.isWhitespace == true { message.removeLast() }
    switch xmlParserErrors(rawValue: UInt32(error.code)) {
    case XML_ERR_INVALID_CHAR where message.contains("not proper UTF-8"),
      XML_ERR_INVALID_ENCODING where message.contains("not proper UTF-8"):
      message = "the document is not valid UTF-8"
    case XML_ERR_INTERNAL_ERROR where message.hasPrefix("Excessive depth"):
      message = "elements are nested more than \(XMLDocumentLoader.maximumDepth) deep"
    default:
      break
    }
    let fatal = error.level == XML_ERR_FATAL || error.level == XML_ERR_ERROR
    first = Entry(message: message, line: Int(error.line), fatal: fatal)
  }
}
