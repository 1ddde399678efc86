import CiteprocData

/// One name list as a cite rendered it: all its names, the options it used, and how many names
/// were shown before et-al.
struct RenderedNameList: Sendable, Hashable {
  var names: [Name]
  /// Whether the names are shown as initials (`initialize-with` with `initialize`): all that
  /// global name disambiguation needs of the name options.
  var usesInitials: Bool
  var shown: Int

  var hasHiddenNames: Bool { shown < names.count }
}

extension RenderSession {
  /// Works out, for every registered item, what its cites need to be told apart from the others:
  /// names added (add-names), given names expanded (add-givenname), a year-suffix
  /// (add-year-suffix), and finally the `disambiguate` condition. Results go in `disambiguation`.
  mutating func disambiguate() {
    var disambiguator = Disambiguator(session: self)
    guard let states = disambiguator.run() else { return }
    disambiguated = true
    disambiguation = states
  }

  /// The context of an item's bibliography entry: the year-suffix and the `disambiguate`
  /// condition carry over from its cites; added names and expanded given names do not.
  func bibliographyContext(_ index: Int) -> CiteContext {
    Self.bibliographyContext(index, disambiguation, citationNumber)
  }

  /// The context that the bibliography's sort values of item `index` are kept under: its
  /// bibliography context, without the citation number when the sort does not read it.
  func sortKeyContext(_ index: Int) -> CiteContext {
    var key = bibliographyContext(index)
    if !sortCache.readsCitationNumber { key.citationNumber = nil }
    return key
  }

  static func bibliographyContext(
    _ index: Int, _ disambiguation: DisambiguationTable, _ citationNumber: [Int?]
  ) -> CiteContext {
    var context = CiteContext()
    context.citationNumber = citationNumber[index]
    if let state = disambiguation[index] {
      context.yearSuffix = state.yearSuffix
      context.disambiguate = state.disambiguate
      context.disambiguateTests = state.disambiguateTests
      // Names added to tell cites apart are shown in the bibliography too.
      context.extraNames = state.extraNames
    }
    return context
  }
}

/// The disambiguation pass of one render session.
///
/// Items whose first-position cites render to the same text form an ambiguous group (found by
/// hashing the text, never by comparing all pairs). Each group is worked on with the enabled
/// methods in order: given-name expansion and added names, the `disambiguate` condition, then
/// year-suffixes. Only steps that tell cites apart are kept.
struct Disambiguator {
  /// One change tried on all cites of an ambiguous set.
  enum Step: Equatable {
    /// Show one more name in each name list cut short by et-al.
    case addName
    /// Expand the given name of the name at `position` to `level` (1 initials, 2 full).
    case expand(position: Int, level: Int)
  }

  /// Where the search for a set of cites stands: the name position being worked on and the
  /// next expansion to try there (0 initials, 1 full given name, 2 move on).
  struct Cursor {
    var position = 0
    var stage = 0
  }

  let session: RenderSession
  let renderer: DisambiguationRenderer
  let spec: CitationSpec
  let items: [Int]
  /// Global name disambiguation (`all-names*` and `primary-name*` rules).
  let globalRule: Bool
  /// Given names expanded per ambiguous cite (`by-cite`).
  let expandsByCite: Bool
  let usesCondition: Bool
  /// The most `disambiguate="true"` tests a layout has (macros included).
  let conditionTests: Int

  /// The committed state of each item.
  var states: DisambiguationTable
  let rule: CitationSpec.GivennameRule

  init(session: RenderSession) {
    self.session = session
    spec = session.style.citation
    items = session.registered
    states = DisambiguationTable(count: session.references.count)
    renderer = DisambiguationRenderer(
      processor: session.processor, references: session.references, citationNumber: session.citationNumber)
    let rule = spec.givennameRule
    globalRule = spec.disambiguateAddGivenname && rule != .byCite
    expandsByCite = spec.disambiguateAddGivenname && rule == .byCite
    var layouts = [spec.layout.elements]
    if let bibliography = session.style.bibliography { layouts.append(bibliography.layout.elements) }
    conditionTests = layouts.map { Self.disambiguateTests($0) }.max() ?? 0
    usesCondition = conditionTests > 0
    self.rule = rule
  }

  private var addsNames: Bool { spec.disambiguateAddNames }
  private var namesMode: Bool { addsNames || expandsByCite }

  /// The state of every item, or nil when the style asks for no disambiguation.
  mutating func run() -> DisambiguationTable? {
    guard namesMode || globalRule || usesCondition || spec.disambiguateAddYearSuffix else { return nil }

    var global: GlobalNames?
    if globalRule {
      let renderer = renderer
      let items = items
      let rendered = Parallel.map(
        count: items.count, state: renderer, perWorker: { $0.unshared() }, finished: renderer.recycle
      ) { renderer, offset in renderer.render(items[offset], CiteContext()).lists }
      var names = GlobalNames(registry: NameRegistry(rule: rule))
      for (index, lists) in zip(items, rendered) {
        names.baseLists[index] = lists
        names.register(index, extraNames: 0)
      }
      for index in items {
        let levels = names.levels(index, extraNames: 0)
        if !levels.isEmpty { states[index, default: CiteContext()].givennameLevels = levels }
      }
      global = names
    }

    var unresolved: [[Int]] = []
    let sets = ambiguousGroups(items, states, keepingLists: namesMode)
    let groups = sets.map(\.items)
    if !namesMode {
      unresolved = groups
    } else if global == nil {
      // Each set changes only its own items: the sets are worked on at once, on all cores.
      let separation = GroupSeparation(
        renderer: renderer, expandsByCite: expandsByCite, addsNames: addsNames, global: nil, states: [:])
      let states = states
      let results = Parallel.map(
        count: groups.count, minimumChunk: 1, state: separation,
        perWorker: { GroupSeparation(unsharing: $0) }, finished: { renderer.recycle($0.renderer) }
      ) { separation, offset in
        var own = separation
        let group = groups[offset]
        own.states = Dictionary(uniqueKeysWithValues: group.map { ($0, states[$0] ?? CiteContext()) })
        let unresolved = own.separate(group, lists: sets[offset].lists)
        // Only the states that changed are handed back, as compactly as the table keeps them.
        let changed = group.compactMap { index in
          own.states[index].flatMap { DisambiguationTable.change(index, $0) }
        }
        return (unresolved: unresolved, changed: changed)
      }
      for result in results {
        unresolved += result.unresolved
        for change in result.changed { self.states.apply(change) }
      }
    } else {
      // Global name disambiguation registers the names each set adds: one set after another.
      // Each set reads and changes only its own items' states, which are taken from the table
      // and put back set by set (holding every item's state at once takes tens of megabytes).
      var separation = GroupSeparation(
        renderer: renderer, expandsByCite: expandsByCite, addsNames: addsNames, global: global,
        states: [:])
      for (group, lists) in zip(groups, sets.map(\.lists)) {
        separation.states = Dictionary(uniqueKeysWithValues: group.map { ($0, states[$0] ?? CiteContext()) })
        unresolved += separation.separate(group, lists: lists)
        for index in group {
          if let change = separation.states[index].flatMap({ DisambiguationTable.change(index, $0) }) {
            states.apply(change)
          }
        }
        separation.states.removeAll(keepingCapacity: true)
        separation.trial.removeAll(keepingCapacity: true)
        separation.trialLists.removeAll(keepingCapacity: true)
      }
    }

    if usesCondition {
      // One more test holds each round, for the items still ambiguous; after the last round
      // every test holds. A set whose cites made no more tests than held renders the same in
      // every later round (the tests it makes hold whatever the round): it stays a set, and only
      // its states follow the rounds.
      var tests = 0
      var sets = unresolved.map { (items: $0, settled: false) }
      while sets.contains(where: { !$0.settled }) && tests < conditionTests {
        tests += 1
        let holding = tests == conditionTests ? Int.max : tests
        for set in sets {
          for index in set.items {
            states[index, default: CiteContext()].disambiguate = true
            states[index, default: CiteContext()].disambiguateTests = holding
          }
        }
        sets = sets.flatMap { set in
          set.settled ? [set] : ambiguousGroups(set.items, states, holding: holding)
        }
      }
      if !sets.isEmpty && tests < conditionTests {
        // Every set left is settled: the last round would leave them as they are, every test
        // holding.
        for set in sets {
          for index in set.items { states[index, default: CiteContext()].disambiguateTests = Int.max }
        }
      }
      unresolved = sets.map(\.items)
    }

    if spec.disambiguateAddYearSuffix {
      // Only the relative order of the items of each set counts: the items of the sets are
      // sorted, each set in the order of `items`, which breaks ties as a sort of all does.
      let order = session.sortedForBibliography(unresolved.flatMap { $0 })
      var rank = [Int](repeating: 0, count: session.references.count)
      for (position, index) in order.enumerated() { rank[index] = position }
      for list in unresolved {
        let sorted = list.sorted { rank[$0] < rank[$1] }
        for (position, index) in sorted.enumerated() {
          states[index, default: CiteContext()].yearSuffix = Self.yearSuffix(position)
        }
      }
    }
    return states
  }

  // MARK: rendering

  /// Sets of two or more of `list` whose cites render the same, in order of first appearance.
  /// With `keepingLists`, each set comes with the name lists its items' cites rendered (in the
  /// order of its items), which the separation of the set starts from instead of rendering the
  /// cites again.
  func ambiguousGroups(_ list: [Int], _ states: DisambiguationTable, keepingLists: Bool) -> [(
    items: [Int], lists: [[RenderedNameList]]
  )] {
    // The cites render on all cores; the grouping follows in order.
    let renderer = renderer
    let rendered = Parallel.map(
      count: list.count, state: renderer, perWorker: { $0.unshared() }, finished: renderer.recycle
    ) { renderer, offset in
      let (key, lists, _) = renderer.render(list[offset], states[list[offset]] ?? CiteContext())
      return (key: key, lists: keepingLists ? lists : [])
    }
    let sets = Self.partition(Array(list.indices), keys: rendered.map(\.key), minimumSize: 2)
    return sets.map { positions in
      (items: positions.map { list[$0] }, lists: keepingLists ? positions.map { rendered[$0].lists } : [])
    }
  }

  /// ``ambiguousGroups(_:_:keepingLists:)``, each set with whether its cites made at most
  /// `holding` `disambiguate="true"` tests (so that they render the same with more tests
  /// holding). Kept apart from it: the first grouping, of every item, holds no such flags.
  func ambiguousGroups(_ list: [Int], _ states: DisambiguationTable, holding: Int) -> [(
    items: [Int], settled: Bool
  )] {
    let renderer = renderer
    let rendered = Parallel.map(
      count: list.count, state: renderer, perWorker: { $0.unshared() }, finished: renderer.recycle
    ) { renderer, offset in
      let (key, _, testsMade) = renderer.render(list[offset], states[list[offset]] ?? CiteContext())
      return (key: key, settled: testsMade <= holding)
    }
    var settled: [Int: Bool] = [:]
    for (index, item) in zip(list, rendered) { settled[index] = item.settled }
    return Self.partition(list, keys: rendered.map(\.key), minimumSize: 2).map { set in
      (items: set, settled: set.allSatisfy { settled[$0] ?? false })
    }
  }

  /// Splits `list` by `keys` (the key of each item of `list`, in the same order), keeping the
  /// order of first appearance; only the parts of at least `minimumSize` items are returned.
  ///
  /// Equal keys are found with a ``StringPositionTable`` over `keys` itself, so that 100,000
  /// keys take about 2 MB on top of the keys rather than a dictionary of copies.
  static func partition(_ list: [Int], keys allKeys: [String], minimumSize: Int = 1) -> [[Int]] {
    let keys = allKeys.prefix(list.count)
    // The first position with each key.
    var table = StringPositionTable(capacityFor: keys.count)
    // For each position, the first position with the same key; and how many share it.
    var first = [UInt32](repeating: 0, count: keys.count)
    var members = [UInt32](repeating: 0, count: keys.count)
    for (position, key) in keys.enumerated() {
      let slot = table.slot(for: key) { keys[$0] }
      let owner: Int
      if let known = table.position(in: slot) {
        owner = known
      } else {
        table.store(position, in: slot)
        owner = position
      }
      first[position] = UInt32(truncatingIfNeeded: owner)
      members[owner] += 1
    }
    var partOfOwner = [Int32](repeating: -1, count: keys.count)
    var parts: [[Int]] = []
    for position in keys.indices {
      let owner = Int(first[position])
      guard Int(members[owner]) >= minimumSize else { continue }
      if owner == position {
        partOfOwner[owner] = Int32(truncatingIfNeeded: parts.count)
        parts.append([])
        parts[parts.count - 1].reserveCapacity(Int(members[owner]))
      }
      parts[Int(partOfOwner[owner])].append(list[position])
    }
    return parts
  }

  // MARK: helpers

  /// `a`, `b`, …, `z`, `aa`, `ab`, … for 0, 1, ….
  static func yearSuffix(_ number: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    var n = number
    var out: [Character] = []
    repeat {
      out.insert(letters[n % 26], at: 0)
      n = n / 26 - 1
    } while n >= 0
    return String(out)
  }

  /// How many `disambiguate="true"` tests a layout has (macros included).
  static func disambiguateTests(_ elements: [RenderElement]) -> Int {
    var macros: [String: Int] = [:]
    return disambiguateTests(elements, macros: &macros)
  }

  /// `macros` holds the count of each macro already walked: within one layout a macro's name
  /// stands for one compiled body, which need not be walked again wherever it is called.
  private static func disambiguateTests(_ elements: [RenderElement], macros: inout [String: Int]) -> Int {
    var count = 0
    for element in elements {
      switch element {
      case .text(let text):
        guard case .macro(let name, let body) = text.source else { continue }
        if let known = macros[name] {
          count += known
        } else {
          let tests = disambiguateTests(body, macros: &macros)
          macros[name] = tests
          count += tests
        }
      case .group(let group): count += disambiguateTests(group.children, macros: &macros)
      case .names(let names): count += disambiguateTests(names.substitute ?? [], macros: &macros)
      case .choose(let choose):
        for branch in choose.branches {
          count += branch.conditions.filter { $0 == .disambiguate(true) }.count
          count += disambiguateTests(branch.body, macros: &macros)
        }
        count += disambiguateTests(choose.elseBody, macros: &macros)
      default: continue
      }
    }
    return count
  }
}

/// Given-name expansion and added names tried on ambiguous sets of cites, with the state they
/// change. Without global name disambiguation a set changes only the state of its own items, so
/// sets can be worked on apart from each other.
struct GroupSeparation: Sendable {
  let renderer: DisambiguationRenderer
  let expandsByCite: Bool
  let addsNames: Bool
  /// The names of the document, for global name disambiguation; nil otherwise.
  var global: GlobalNames?
  /// The committed state of the items worked on (absent: the default state).
  var states: [Int: CiteContext]
  /// State being tried on items of an ambiguous set.
  var trial: [Int: CiteContext] = [:]
  /// Name lists of the last trial render, per item.
  var trialLists: [Int: [RenderedNameList]] = [:]

  /// `other` with a renderer for another thread (see ``DisambiguationRenderer/unshared()``).
  init(unsharing other: GroupSeparation) {
    self.init(
      renderer: other.renderer.unshared(), expandsByCite: other.expandsByCite, addsNames: other.addsNames,
      global: other.global, states: other.states)
    trial = other.trial
    trialLists = other.trialLists
  }

  init(
    renderer: DisambiguationRenderer, expandsByCite: Bool, addsNames: Bool, global: GlobalNames?,
    states: [Int: CiteContext]
  ) {
    self.renderer = renderer
    self.expandsByCite = expandsByCite
    self.addsNames = addsNames
    self.global = global
    self.states = states
  }

  /// Expands given names and adds names, step by step, on an ambiguous set; keeps each step that
  /// splits a set. Returns the sets still ambiguous when no step is left. `lists` holds the name
  /// lists the set's cites render with their states, in order (the grouping rendered them).
  mutating func separate(_ group: [Int], lists: [[RenderedNameList]]) -> [[Int]] {
    precondition(lists.count == group.count, "a set separated without the name lists of its cites")
    for (index, itemLists) in zip(group, lists) {
      trial[index] = states[index] ?? CiteContext()
      trialLists[index] = itemLists
    }
    var unresolved: [[Int]] = []
    var work: [([Int], Disambiguator.Cursor)] = [(group, Disambiguator.Cursor())]
    while let (list, start) = work.popLast() {
      var cursor = start
      while true {
        guard let (step, next) = nextStep(after: cursor, in: list) else {
          unresolved.append(list)
          break
        }
        cursor = next
        apply(step, to: list)
        // A given name that every cite shows alike is expanded alike: the cites stay the same
        // (and their name lists do not change), so they are not rendered again.
        if case .expand(let position, _) = step, showSameName(in: list, at: position) { continue }
        var keys: [String] = []
        keys.reserveCapacity(list.count)
        for index in list {
          let (key, lists, _) = renderer.render(index, trial[index] ?? CiteContext())
          keys.append(key)
          trialLists[index] = lists
        }
        let parts = Disambiguator.partition(list, keys: keys)
        if parts.count > 1 {
          for index in list { commit(step, index) }
          for part in parts.reversed() where part.count > 1 { work.append((part, cursor)) }
          break
        }
      }
    }
    return unresolved
  }

  /// Whether every cite of `list` has the same name lists at `position`: the same name there,
  /// shown or hidden alike, in each list it rendered.
  func showSameName(in list: [Int], at position: Int) -> Bool {
    guard let first = list.first, let reference = trialLists[first] else { return false }
    for index in list.dropFirst() {
      guard let lists = trialLists[index], lists.count == reference.count else { return false }
      for (a, b) in zip(lists, reference) {
        if (position < a.shown) != (position < b.shown) { return false }
        let nameA = position < a.names.count ? a.names[position] : nil
        let nameB = position < b.names.count ? b.names[position] : nil
        if nameA != nameB { return false }
      }
    }
    return true
  }

  /// The next step to try on `list` after `cursor`: both expansions of each shown name in turn,
  /// then one more name (whose given name is expanded next), and so on.
  func nextStep(after cursor: Disambiguator.Cursor, in list: [Int]) -> (
    Disambiguator.Step, Disambiguator.Cursor
  )? {
    var cursor = cursor
    while true {
      let shown = list.map { index in (trialLists[index] ?? []).map(\.shown).max() ?? 0 }.max() ?? 0
      switch cursor.stage {
      case 0, 1:
        let level = cursor.stage + 1
        cursor.stage += 1
        if expandsByCite && cursor.position < shown {
          return (.expand(position: cursor.position, level: level), cursor)
        }
      default:
        cursor.position += 1
        cursor.stage = 0
        if cursor.position < shown { continue }
        let hidden = list.contains { index in (trialLists[index] ?? []).contains(where: \.hasHiddenNames) }
        if addsNames && hidden { return (.addName, cursor) }
        return nil
      }
    }
  }

  mutating func apply(_ step: Disambiguator.Step, to list: [Int]) {
    switch step {
    case .expand(let position, let level):
      for index in list {
        let current = trial[index]?.givennameLevels[position] ?? 0
        trial[index]?.givennameLevels[position] = max(current, level)
      }
    case .addName:
      for index in list { trial[index]?.extraNames += 1 }
      guard global != nil else { return }
      // The names are registered in place (a copy of `global` would copy the whole registry).
      for index in list { global?.register(index, extraNames: trial[index]?.extraNames ?? 0) }
      for index in list {
        let levels = global?.levels(index, extraNames: trial[index]?.extraNames ?? 0) ?? GivennameLevels()
        trial[index]?.givennameLevels = levels
      }
    }
  }

  /// Keeps the part of the trial state that `step` changed.
  mutating func commit(_ step: Disambiguator.Step, _ index: Int) {
    guard let tried = trial[index] else { return }
    states[index, default: CiteContext()].extraNames = tried.extraNames
    switch step {
    case .expand(let position, _):
      states[index, default: CiteContext()].givennameLevels[position] = tried.givennameLevels[position]
    case .addName:
      if global != nil { states[index, default: CiteContext()].givennameLevels = tried.givennameLevels }
    }
  }
}

/// The names rendered across the document and each item's name lists as first rendered, for
/// global name disambiguation.
struct GlobalNames: Sendable {
  var registry: NameRegistry
  var baseLists: [Int: [RenderedNameList]] = [:]

  /// Registers the names item `index` shows with `extraNames` more names than et-al allows.
  mutating func register(_ index: Int, extraNames: Int) {
    for list in baseLists[index] ?? [] {
      registry.add(list.names.prefix(min(list.names.count, list.shown + extraNames)))
    }
  }

  /// Given-name levels from global name disambiguation, for an item showing `extraNames` more
  /// names than et-al allows.
  func levels(_ index: Int, extraNames: Int) -> GivennameLevels {
    var levels = GivennameLevels()
    for list in baseLists[index] ?? [] {
      let count = min(list.names.count, list.shown + extraNames)
      for position in 0..<count {
        let level = registry.level(
          of: list.names[position], position: position, usesInitials: list.usesInitials)
        if level > 0 { levels[position] = max(levels[position] ?? 0, level) }
      }
    }
    return levels
  }
}

/// The names rendered across the document, for global name disambiguation: which initials each
/// family name comes with, and which full given names each family name and initials come with.
struct NameRegistry: Sendable {
  let rule: CitationSpec.GivennameRule
  var initialsByFamily: [String: Distinct] = [:]
  var givensByInitials: [String: Distinct] = [:]

  /// The values seen with one key, as far as the rules ask: whether there were two different
  /// ones. The first is kept to compare the next ones with; a set of all of them took most of
  /// the registry's memory for nothing.
  struct Distinct: Sendable {
    let first: String
    private(set) var several = false

    init(_ first: String) { self.first = first }

    mutating func insert(_ value: String) {
      if !several && value != first { several = true }
    }
  }

  init(rule: CitationSpec.GivennameRule) {
    self.rule = rule
  }

  private var primaryOnly: Bool { rule == .primaryName || rule == .primaryNameWithInitials }
  private var initialsOnly: Bool { rule == .allNamesWithInitials || rule == .primaryNameWithInitials }

  /// Family, initials and given name of a personal name; nil for literal names and names
  /// without a given name.
  static func keys(_ name: Name) -> (family: String, initials: String, given: String)? {
    guard name.literal == nil, let given = name.given, !given.isEmpty else { return nil }
    let family = [name.nonDroppingParticle ?? "", name.family ?? ""].filter { !$0.isEmpty }.joined(
      separator: " ")
    let plainGiven = given.split(whereSeparator: { $0 == "." || $0 == " " }).joined(separator: " ")
    let initials = Initials.make(plainGiven, with: "", initialize: true, hyphen: false)
    return (family, initials, plainGiven)
  }

  mutating func add<S: Sequence<Name>>(_ names: S) {
    for (position, name) in names.enumerated() {
      if primaryOnly && position > 0 { break }
      guard let keys = Self.keys(name) else { continue }
      initialsByFamily[keys.family, default: Distinct(keys.initials)].insert(keys.initials)
      givensByInitials[keys.family + "\u{0}" + keys.initials, default: Distinct(keys.given)].insert(
        keys.given)
    }
  }

  /// The given-name level a name needs to be told apart from the other names of the document
  /// with the same family name: 0 as styled, 1 initials, 2 full given name.
  func level(of name: Name, position: Int, usesInitials: Bool) -> Int {
    if primaryOnly && position > 0 { return 0 }
    guard let keys = Self.keys(name) else { return 0 }
    let severalInitials = initialsByFamily[keys.family]?.several ?? false
    let severalGivens = givensByInitials[keys.family + "\u{0}" + keys.initials]?.several ?? false
    if initialsOnly {
      return usesInitials && severalInitials ? 1 : 0
    }
    if severalGivens || (severalInitials && !usesInitials) { return 2 }
    if severalInitials { return 1 }
    return 0
  }
}
