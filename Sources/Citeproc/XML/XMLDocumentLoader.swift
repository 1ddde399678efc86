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
    _ = parserInitialized
    citeproc_xml_silence_generic_errors()
    guard bytes.count <= maximumSize else {
      throw .error("the document \(tooLargeMessage)", file: file)
    }
    guard let context = xmlNewParserCtxt() else {
      throw .error("cannot create an XML parser", file: file)
    }
    defer { xmlFreeParserCtxt(context) }

    let collector = ErrorCollector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    context.pointee._private = unmanaged.toOpaque()
    if let sax = context.pointee.sax {
      sax.pointee.serror = { userData, error in
        guard let userData, let error else { return }
        let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let box = ctxt.pointee._private else { return }
        Unmanaged<ErrorCollector>.fromOpaque(box).takeUnretainedValue().record(error.pointee)
      }
      sax.pointee.warning = nil
      sax.pointee.error = nil
      // Stop at `<!DOCTYPE`, before its internal subset or external DTD is looked at.
      sax.pointee.internalSubset = { userData, _, _, _ in
        guard let userData else { return }
        let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        if let box = ctxt.pointee._private {
          Unmanaged<ErrorCollector>.fromOpaque(box).takeUnretainedValue().refuseDoctype(
            line: Int(ctxt.pointee.input?.pointee.line ?? 0))
        }
        xmlStopParser(ctxt)
      }
      sax.pointee.externalSubset = nil
      sax.pointee.resolveEntity = nil
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

  private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
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
