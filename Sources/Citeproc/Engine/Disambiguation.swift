extension RenderSession {
  /// Works out, for every registered item, what its cites need to be told apart from the others:
  /// names added (add-names), given names expanded (add-givenname), a year-suffix
  /// (add-year-suffix), and finally the `disambiguate` condition. Results go in `disambiguation`.
  mutating func disambiguate() {
  }
}
