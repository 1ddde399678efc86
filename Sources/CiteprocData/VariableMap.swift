/// The variables of one kind that a ``Reference`` holds, by CSL name: a small map kept as one
/// array of pairs.
///
/// A reference has about ten variables, so a linear search is as quick as hashing the name, and
/// an array of exactly that many pairs takes a fraction of a dictionary's memory. Pairs keep the
/// order they were added in; equality and hashing ignore the order, as a dictionary's do.
public struct VariableMap<Value: Sendable & Hashable>: Sendable, Hashable, ExpressibleByDictionaryLiteral,
  Sequence
{
  public typealias Element = (key: String, value: Value)

  @usableFromInline var entries: ContiguousArray<Entry>

  @usableFromInline struct Entry: Sendable, Hashable {
    @usableFromInline var key: String
    @usableFromInline var value: Value
    @inlinable init(key: String, value: Value) {
      self.key = key
      self.value = value
    }
  }

  @inlinable
  public init() { entries = [] }

  @inlinable
  public init(dictionaryLiteral elements: (String, Value)...) {
    entries = []
    guard !elements.isEmpty else { return }
    entries.reserveCapacity(elements.count)
    for (key, value) in elements { self[key] = value }
  }

  /// The map of a dictionary's pairs.
  @inlinable
  public init(_ dictionary: [String: Value]) {
    entries = ContiguousArray(
      dictionary.map { Entry(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key })
  }

  /// The pairs as a dictionary.
  @inlinable
  public var dictionary: [String: Value] {
    Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
  }

  @inlinable
  public var count: Int { entries.count }
  @inlinable
  public var isEmpty: Bool { entries.isEmpty }
  @inlinable
  public var keys: [String] { entries.map { $0.key } }
  @inlinable
  public var values: [Value] { entries.map { $0.value } }

  /// The position of `key`'s pair. Lengths are compared first: they differ for most names, and
  /// cost less to compare than the text.
  @inlinable
  func position(of key: String) -> Int? {
    let length = key.utf8.count
    for index in entries.indices where entries[index].key.utf8.count == length && entries[index].key == key {
      return index
    }
    return nil
  }

  @inlinable
  public subscript(key: String) -> Value? {
    get { position(of: key).map { entries[$0].value } }
    set {
      if let index = position(of: key) {
        if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
      } else if let newValue {
        entries.append(Entry(key: key, value: newValue))
      }
    }
  }

  @inlinable
  public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    _modify {
      let index: Int
      if let found = position(of: key) {
        index = found
      } else {
        entries.append(Entry(key: key, value: defaultValue()))
        index = entries.count - 1
      }
      yield &entries[index].value
    }
  }

  @inlinable
  public mutating func reserveCapacity(_ capacity: Int) { entries.reserveCapacity(capacity) }

  /// Adds the pair of a key the map does not hold, without looking for it (setting by subscript
  /// looks for the key first, so that setting every key of a long map costs the square of its
  /// length). For a reader that knows the key is new.
  @inlinable
  package mutating func appendNew(_ key: String, _ value: Value) {
    assert(position(of: key) == nil, "appendNew with a key the map holds")
    entries.append(Entry(key: key, value: value))
  }

  @inlinable
  public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }

  public struct Iterator: IteratorProtocol {
    @usableFromInline var base: ContiguousArray<Entry>.Iterator
    @inlinable init(base: ContiguousArray<Entry>.Iterator) { self.base = base }
    @inlinable
    public mutating func next() -> Element? { base.next().map { ($0.key, $0.value) } }
  }

  @inlinable
  public static func == (a: VariableMap, b: VariableMap) -> Bool {
    guard a.entries.count == b.entries.count else { return false }
    return a.entries.allSatisfy { b[$0.key] == $0.value }
  }

  @inlinable
  public func hash(into hasher: inout Hasher) {
    // Order-independent: the pairs' own hashes are combined with a commutative operation.
    var combined = 0
    for entry in entries {
      var own = Hasher()
      own.combine(entry)
      combined ^= own.finalize()
    }
    hasher.combine(entries.count)
    hasher.combine(combined)
  }
}
