/// A plain Swift view of one XML element: what the style and locale compilers read.
/// It holds no pointer into libxml2; see ``XMLDocumentLoader``.
package struct XMLTreeElement: Sendable, Hashable {
  /// The local name, without namespace prefix (`text`, `names`, ...).
  package var name: String
  /// Attributes by name; `xml:lang` keeps its prefix.
  package var attributes: [String: String]
  /// Attribute names in document order (for messages).
  package var attributeOrder: [String]
  package var children: [XMLTreeElement]
  /// The element's own text (direct text and CDATA children, concatenated, untrimmed).
  package var text: String
  /// 1-based line of the start tag.
  package var line: Int

  package init(
    name: String, attributes: [String: String] = [:], attributeOrder: [String] = [],
    children: [XMLTreeElement] = [], text: String = "", line: Int = 0
  ) {
    self.name = name
    self.attributes = attributes
    self.attributeOrder = attributeOrder.isEmpty ? attributes.keys.sorted() : attributeOrder
    self.children = children
    self.text = text
    self.line = line
  }

  package subscript(attribute: String) -> String? { attributes[attribute] }

  package func child(named name: String) -> XMLTreeElement? {
    children.first { $0.name == name }
  }

  package func children(named name: String) -> [XMLTreeElement] {
    children.filter { $0.name == name }
  }
}
