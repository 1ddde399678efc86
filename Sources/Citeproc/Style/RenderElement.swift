/// The compiled render tree: one case per CSL rendering element. Macros are already inlined
/// (with their name kept for sort keys and messages) and inheritable name options are resolved.
public indirect enum RenderElement: Sendable, Hashable {
  case text(TextElement)
  case date(DateElement)
  case number(NumberElement)
  case names(NamesElement)
  case label(LabelElement)
  case group(GroupElement)
  case choose(ChooseElement)
}

/// Affixes, formatting and the other attributes most elements share.
public struct Decorations: Sendable, Hashable {
  public var prefix: String = ""
  public var suffix: String = ""
  public var formatting = TextFormatting()
  public var display: Display?
  public var quotes = false
  public var stripPeriods = false
  public var textCase: TextCase?

  public init() {}
}

public enum TextCase: String, Sendable, Hashable {
  case lowercase
  case uppercase
  case capitalizeFirst = "capitalize-first"
  case capitalizeAll = "capitalize-all"
  case sentence
  case title
}

/// Long, short and the other forms of variables and terms.
public enum TermForm: String, Sendable, Hashable, CaseIterable {
  case long
  case short
  case verb
  case verbShort = "verb-short"
  case symbol
}

public enum Plural: String, Sendable, Hashable {
  case contextual
  case always
  case never
}

public struct TextElement: Sendable, Hashable {
  public enum Source: Sendable, Hashable {
    case variable(VariableName, form: TermForm)
    case macro(String, [RenderElement])
    case term(String, form: TermForm, plural: Bool)
    case value(String)
  }
  public var source: Source {
    get { storage.source }
    set { storage = Storage(source: newValue, decorations: storage.decorations) }
  }
  public var decorations: Decorations {
    get { storage.decorations }
    set { storage = Storage(source: storage.source, decorations: newValue) }
  }

  /// For a variable: what rendering it needs beyond its name, worked out when the element is made.
  var variableTraits: VariableTraits? { storage.variableTraits }

  /// The attributes live in one shared, immutable box, so the render tree hands an element around
  /// with a single reference count instead of one per field.
  private var storage: Storage

  init(source: Source, decorations: Decorations) {
    storage = Storage(source: source, decorations: decorations)
  }

  public static func == (a: TextElement, b: TextElement) -> Bool {
    a.storage === b.storage || (a.source == b.source && a.decorations == b.decorations)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(source)
    hasher.combine(decorations)
  }

  private final class Storage: Sendable {
    let source: Source
    let decorations: Decorations
    let variableTraits: VariableTraits?

    init(source: Source, decorations: Decorations) {
      self.source = source
      self.decorations = decorations
      if case .variable(let variable, let form) = source {
        variableTraits = VariableTraits(variable, form: form)
      } else {
        variableTraits = nil
      }
    }
  }
}

public struct DateElement: Sendable, Hashable {
  public enum Form: String, Sendable, Hashable {
    case text
    case numeric
  }
  public enum PartsShown: String, Sendable, Hashable {
    case yearMonthDay = "year-month-day"
    case yearMonth = "year-month"
    case year
  }
  public var variable: String
  /// Set for localized dates; nil for a date defined entirely in the style.
  public var form: Form?
  public var partsShown: PartsShown
  public var parts: [DatePartElement]
  public var delimiter: String
  public var decorations: Decorations
}

public struct DatePartElement: Sendable, Hashable {
  public enum Name: String, Sendable, Hashable {
    case day
    case month
    case year
  }
  public enum Form: String, Sendable, Hashable {
    case numeric
    case numericLeadingZeros = "numeric-leading-zeros"
    case ordinal
    case long
    case short
  }
  public var name: Name
  public var form: Form?
  public var rangeDelimiter: String?
  public var decorations: Decorations
  /// Which attributes were written on the element (for localized-date overrides).
  public var hasFormatting: Bool
}

public struct NumberElement: Sendable, Hashable {
  public enum Form: String, Sendable, Hashable {
    case numeric
    case ordinal
    case longOrdinal = "long-ordinal"
    case roman
  }
  public var variable: String
  public var form: Form
  public var decorations: Decorations
}

public struct LabelElement: Sendable, Hashable {
  /// The variable whose term is printed; for a label inside `names`, it is set per name variable.
  public var variable: String
  public var form: TermForm
  public var plural: Plural
  public var decorations: Decorations
}

public struct GroupElement: Sendable, Hashable {
  public var children: [RenderElement] {
    get { storage.children }
    set { storage = Storage(children: newValue, delimiter: delimiter, decorations: decorations) }
  }
  public var delimiter: String {
    get { storage.delimiter }
    set { storage = Storage(children: children, delimiter: newValue, decorations: decorations) }
  }
  public var decorations: Decorations {
    get { storage.decorations }
    set { storage = Storage(children: children, delimiter: delimiter, decorations: newValue) }
  }

  /// One shared, immutable box for the attributes (see ``TextElement``).
  private var storage: Storage

  init(children: [RenderElement], delimiter: String, decorations: Decorations) {
    storage = Storage(children: children, delimiter: delimiter, decorations: decorations)
  }

  public static func == (a: GroupElement, b: GroupElement) -> Bool {
    a.storage === b.storage
      || (a.children == b.children && a.delimiter == b.delimiter && a.decorations == b.decorations)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(children)
    hasher.combine(delimiter)
    hasher.combine(decorations)
  }

  private final class Storage: Sendable {
    let children: [RenderElement]
    let delimiter: String
    let decorations: Decorations

    init(children: [RenderElement], delimiter: String, decorations: Decorations) {
      self.children = children
      self.delimiter = delimiter
      self.decorations = decorations
    }
  }
}

public struct ChooseElement: Sendable, Hashable {
  public struct Branch: Sendable, Hashable {
    public var match: Match
    public var conditions: [Condition]
    public var body: [RenderElement]
  }
  public enum Match: String, Sendable, Hashable {
    case all
    case any
    case none
  }
  public enum Condition: Sendable, Hashable {
    case disambiguate(Bool)
    case isNumeric(String)
    case isUncertainDate(String)
    case locator(String)
    case position(Position)
    case type(String)
    case variable(VariableName)
  }
  public enum Position: String, Sendable, Hashable {
    case first
    case subsequent
    case ibid
    case ibidWithLocator = "ibid-with-locator"
    case nearNote = "near-note"
  }
  /// The `if` and `else-if` branches in order.
  public var branches: [Branch]
  public var elseBody: [RenderElement]
}
