extension RenderSession {
  /// Joins the cites of one cluster with the layout delimiter, collapsing them when the style asks
  /// (`collapse` on `cs:citation`).
  func joinCites(_ cites: [RenderedCite]) -> Node {
    join(cites.map(\.node), delimiter: style.citation.layout.delimiter)
  }
}
