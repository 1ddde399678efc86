/// `subsequent-author-substitute`: in the bibliography, names that repeat those of the preceding
/// entry are replaced by a substitute string (such as "———"), following the style's rule.
enum SubsequentAuthorSubstitution {
  /// `pieces` are the top-level outputs of one entry; `previous` holds the names of the preceding
  /// entry (one string per name, or the whole output when it is not a name list) and is updated.
  static func apply(
    _ substitute: String, rule: BibliographySpec.SubstituteRule, to pieces: inout [Node],
    previous: inout [String]?
  ) {
    guard let at = pieces.firstIndex(where: { $0.first(tagged: .names) != nil }),
      let namesNode = pieces[at].first(tagged: .names)
    else {
      previous = nil
      return
    }
    var names = namesNode.all(tagged: .name).map(\.plainText)
    let isNameList = !names.isEmpty
    if !isNameList { names = [namesNode.plainText] }
    defer { previous = names }
    guard let previousNames = previous else { return }
    let replacement = Node.text(substitute)
    // Output substituted for the names (a title, say) is replaced whole when it repeats.
    if !isNameList {
      if names == previousNames {
        pieces[at] = pieces[at].replacingFirst(tagged: .names) { _ in replacement } ?? pieces[at]
      }
      return
    }

    switch rule {
    case .completeAll:
      // The whole name list goes, but not its label ("——— ed.").
      guard names == previousNames else { return }
      pieces[at] =
        pieces[at].replacingFirst(tagged: .names) { inner in
          inner.replacing(tagged: .nameList, where: { $0 == 0 }, with: replacement)
            .replacing(tagged: .nameList, where: { _ in true }, with: .empty)
        } ?? pieces[at]
    case .completeEach:
      guard names == previousNames else { return }
      pieces[at] =
        pieces[at].replacingFirst(tagged: .names) { inner in
          inner.replacing(tagged: .name, where: { _ in true }, with: replacement)
        } ?? pieces[at]
    case .partialEach:
      var matching = 0
      while matching < min(names.count, previousNames.count) && names[matching] == previousNames[matching] {
        matching += 1
      }
      guard matching > 0 else { return }
      pieces[at] =
        pieces[at].replacingFirst(tagged: .names) { inner in
          inner.replacing(tagged: .name, where: { $0 < matching }, with: replacement)
        } ?? pieces[at]
    case .partialFirst:
      guard names.first == previousNames.first else { return }
      pieces[at] =
        pieces[at].replacingFirst(tagged: .names) { inner in
          inner.replacing(tagged: .name, where: { $0 == 0 }, with: replacement)
        } ?? pieces[at]
    }
  }
}
