import CLibXML2
import CiteprocData

/// The only code that touches libxml2. It parses a document with no network access, no DTD loading
/// and no entity expansion, copies it into an ``XMLTreeElement`` tree and frees the C document before
/// it returns.
package enum XMLDocumentLoader {
  /// Parses `bytes` (the whole document). `file` names the source in diagnostics.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> XMLTreeElement {
    _ = parserInitialized
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
        "a document type declaration is not allowed in a style or locale", file: file,
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
    var element = XMLTreeElement(name: string(node.pointee.name), line: line)
    var attribute = node.pointee.properties
    while let current = attribute {
      var key = string(current.pointee.name)
      if let ns = current.pointee.ns, let prefix = ns.pointee.prefix {
        key = string(prefix) + ":" + key
      }
      var value = ""
      if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
        value = string(raw)
        citeproc_xml_free(raw)
      }
      element.attributes[key] = value
      element.attributeOrder.append(key)
      attribute = current.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        element.children.append(try convert(current, file: file, depth: depth + 1))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { element.text += string(content) }
      case XML_ENTITY_REF_NODE:
        throw .error(
          "entity reference '&\(string(current.pointee.name));' is not allowed", file: file,
          line: Int(xmlGetLineNo(current)))
      default:
        break
      }
      child = current.pointee.next
    }
    return element
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

  func record(_ error: xmlError) {
    guard first == nil else { return }
    var message = error.message.map { String(cString: $0) } ?? "malformed XML"
    while message.last?.isWhitespace == true { message.removeLast() }
    let fatal = error.level == XML_ERR_FATAL || error.level == XML_ERR_ERROR
    first = Entry(message: message, line: Int(error.line), fatal: fatal)
  }
}
