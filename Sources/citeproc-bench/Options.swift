/// Command-line options of the benchmark.
struct Options {
  var sizes = [1_000, 10_000, 100_000]
  var seed: UInt64 = 1
  /// Where to write the corpora (`corpus-1k.ris`, `corpus-1k.json`, …); also used for the
  /// command-line runs. A temporary folder when not given.
  var corpusDirectory: String?
  /// Only write the corpora, measure nothing.
  var writeOnly = false
  /// The folder of the official styles (for `apa.csl` and `chicago-author-date.csl`).
  var stylesDirectory: String?
  /// The `citeproc` executable for end-to-end runs; found beside the benchmark when not given.
  var cli: String?
  /// Styles whose bibliography is timed.
  var bibliographyStyles = ["vancouver", "harvard", "bjgp", "apa"]
  /// Number of cites in the disambiguation benchmark.
  var cites = 10_000

  static let usage = """
    usage: citeproc-bench [--sizes 1000,10000,100000] [--seed N] [--write-corpus DIR] [--write-only]
                          [--styles-dir DIR] [--cli PATH] [--styles vancouver,harvard,bjgp,apa]
                          [--cites N]
    """

  init(arguments: [String]) throws(OptionError) {
    var rest = arguments[...]
    func value(_ option: String) throws(OptionError) -> String {
      guard let value = rest.popFirst() else { throw OptionError("\(option) needs a value") }
      return value
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--sizes":
        let text = try value(argument)
        let parsed = text.split(separator: ",").compactMap { Self.count(String($0)) }
        guard !parsed.isEmpty, parsed.count == text.split(separator: ",").count else {
          throw OptionError("--sizes takes counts such as 1000,10k,100k")
        }
        sizes = parsed
      case "--seed":
        guard let seed = UInt64(try value(argument)) else { throw OptionError("--seed takes a number") }
        self.seed = seed
      case "--write-corpus": corpusDirectory = try value(argument)
      case "--write-only": writeOnly = true
      case "--styles-dir": stylesDirectory = try value(argument)
      case "--cli": cli = try value(argument)
      case "--styles": bibliographyStyles = try value(argument).split(separator: ",").map(String.init)
      case "--cites":
        guard let cites = Self.count(try value(argument)) else { throw OptionError("--cites takes a count") }
        self.cites = cites
      case "-h", "--help": throw OptionError(nil)
      default: throw OptionError("unknown option \(argument)")
      }
    }
  }

  /// `1000`, `10k` or `1m`.
  static func count(_ text: String) -> Int? {
    let lower = text.lowercased()
    if lower.hasSuffix("k") { return Int(lower.dropLast()).map { $0 * 1_000 } }
    if lower.hasSuffix("m") { return Int(lower.dropLast()).map { $0 * 1_000_000 } }
    return Int(lower)
  }

  /// `1k`, `10k`, `100k`: the name of a corpus size in file names and tables.
  static func label(_ count: Int) -> String {
    if count >= 1_000_000, count % 1_000_000 == 0 { return "\(count / 1_000_000)m" }
    if count >= 1_000, count % 1_000 == 0 { return "\(count / 1_000)k" }
    return String(count)
  }
}

struct OptionError: Error {
  var message: String?
  init(_ message: String?) { self.message = message }
}
