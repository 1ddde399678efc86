/// A plain Swift view of one XML element: what the style and locale compilers read.
/// It holds no pointer into libxml2; see ``XMLDocumentLoader``.
package struct XMLTreeElement: Sendable, Hashable {
  /// One attribute: its name (`xml:lang` keeps its prefix) and value.
  package struct Attribute: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The local name, without namespace prefix (`text`, `names`, ...).
  package var name: String
  /// Attributes in document order, each name once. Elements carry few attributes, so a lookup
  /// by name is a short scan.
  package var attributes: [Attribute]
  package var children: [XMLTreeElement]
  /// The element's own text (direct text and CDATA children, concatenated, untrimmed).
  package var text: String
  /// 1-based line of the start tag.
  package var line: Int

  package init(
    name: String, attributes: [Attribute] = [], children: [XMLTreeElement] = [], text: String = "",
    line: Int = 0
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.text = text
    self.line = line
  }

  package subscript(attribute: String) -> String? {
    for candidate in attributes where candidate.name == attribute { return candidate.value }
    return nil
  }

  package func child(named name: String) -> XMLTreeElement? {
    children.first { $0.name == name }
  }

  package func children(named name: String) -> [XMLTreeElement] {
    children.filter { $0.name == name }
  }
}
