import Citeproc
import CiteprocData
import CiteprocReaders
import CorpusGenerator
import Foundation

// Speed benchmark: style compilation, RIS and CSL-JSON parsing, bibliographies, citations with
// disambiguation, peak memory and, end to end, the `citeproc` command. Prints Markdown tables.
//
//   swift build -c release && .build/release/citeproc-bench
//   .build/release/citeproc-bench --sizes 1k,10k --write-corpus /tmp/corpus

let options: Options
do {
  options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
  if let message = error.message { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
  print(Options.usage)
  exit(error.message == nil ? 0 : 2)
}

func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func format(_ value: Double, digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1_048_576, digits: 1) + " MB" }

// MARK: Corpora

let generator = CorpusGenerator(seed: options.seed)
let largest = options.sizes.max() ?? 0
let allReferences = generator.references(count: largest)
let corpusDirectory =
  options.corpusDirectory ?? (NSTemporaryDirectory() + "citeproc-bench-\(getpid())")
try FileManager.default.createDirectory(atPath: corpusDirectory, withIntermediateDirectories: true)

struct Corpus {
  var count: Int
  var ris: [UInt8]
  var json: [UInt8]
  var risPath: String
  var jsonPath: String
}

var corpora: [Corpus] = []
say("## Corpus (seed \(options.seed))\n")
say("| references | RIS | CSL-JSON | files |")
say("| ---: | ---: | ---: | --- |")
for size in options.sizes.sorted() {
  let references = Array(allReferences.prefix(size))
  let ris = Array(CorpusFormat.ris.encode(references).utf8)
  let json = Array(CorpusFormat.json.encode(references).utf8)
  let base = corpusDirectory + "/corpus-" + Options.label(size)
  try Data(ris).write(to: URL(fileURLWithPath: base + ".ris"))
  try Data(json).write(to: URL(fileURLWithPath: base + ".json"))
  corpora.append(Corpus(count: size, ris: ris, json: json, risPath: base + ".ris", jsonPath: base + ".json"))
  say("| \(size) | \(megabytes(ris.count)) | \(megabytes(json.count)) | \(base).{ris,json} |")
}
if options.writeOnly { exit(0) }

// MARK: Style compilation

let stylesDirectory: String? = {
  if let directory = options.stylesDirectory { return directory }
  for candidate in ["../shared/csl-styles", "../../shared/csl-styles"]
  where FileManager.default.fileExists(atPath: candidate + "/apa.csl") {
    return candidate
  }
  return nil
}()

func styleSource(_ name: String) -> String? {
  if StyleLoader.builtInNames.contains(name) { return name }
  guard let directory = stylesDirectory else { return nil }
  let path = directory + "/" + name + ".csl"
  return FileManager.default.fileExists(atPath: path) ? path : nil
}

say("\n## Style compilation (median of 25)\n")
say("| style | compile |")
say("| --- | ---: |")
var compileTimes: [String: Double] = [:]
for name in StyleLoader.builtInNames + ["apa", "chicago-author-date"] {
  guard let source = styleSource(name) else {
    say("| \(name) | not found (--styles-dir) |")
    continue
  }
  let loader = StyleLoader(stylesDirectory: stylesDirectory)
  var failed = false
  let time = Measure.median(runs: 25) {
    do { _ = try loader.load(source) } catch { failed = true }
  }
  compileTimes[name] = time
  say("| \(name) | \(failed ? "error" : format(time * 1000, digits: 2) + " ms") |")
}

// MARK: Parsing

say("\n## Parsing (median of 3)\n")
say("| references | RIS | RIS rejected | CSL-JSON |")
say("| ---: | ---: | ---: | ---: |")
var parsed: [Int: [Reference]] = [:]
var risThroughput: [Int: Double] = [:]
for corpus in corpora {
  var result = ReadResult()
  // The previous run's references are freed before the clock starts, so that only reading is timed.
  var risTimes: [Double] = []
  for _ in 0..<3 {
    result = ReadResult()
    risTimes.append(Measure.seconds { result = RISReader().read(corpus.ris, file: "corpus.ris") })
  }
  let risTime = Measure.median(risTimes)
  parsed[corpus.count] = result.references
  let jsonTime = Measure.median(runs: 3) { _ = CSLJSONReader().read(corpus.json, file: "corpus.json") }
  let risRate = Double(corpus.ris.count) / 1_048_576 / risTime
  risThroughput[corpus.count] = risRate
  let jsonRate = Double(corpus.json.count) / 1_048_576 / jsonTime
  say(
    "| \(corpus.count) | \(format(risRate)) MB/s (\(format(risTime * 1000)) ms) | \(result.rejected.count) "
      + "| \(format(jsonRate)) MB/s (\(format(jsonTime * 1000)) ms) |")
}

// MARK: Bibliographies

func processor(_ name: String) -> Processor? {
  guard let source = styleSource(name),
    let style = try? StyleLoader(stylesDirectory: stylesDirectory).load(source).style
  else { return nil }
  return Processor(style: style, locale: LocaleLoader().locale(for: style).0)
}

say("\n## Bibliography to plain text (from parsed RIS; median of 5 runs at 1k, 3 at 10k, 1 at 100k)\n")
say("| style | " + corpora.map { "\(Options.label($0.count))" }.joined(separator: " | ") + " | spread |")
say("| --- |" + String(repeating: " ---: |", count: corpora.count) + " ---: |")
var perReference: [String: [Double]] = [:]
for name in options.bibliographyStyles {
  guard let processor = processor(name) else {
    say("| \(name) | not found |")
    continue
  }
  var cells: [String] = []
  var rates: [Double] = []
  for corpus in corpora {
    let references = parsed[corpus.count] ?? []
    var length = 0
    // Small corpora are timed several times (the median counts), after one untimed run.
    let runs = references.count <= 1_000 ? 5 : (references.count <= 10_000 ? 3 : 1)
    if runs > 1 { _ = processor.bibliography(references) }
    let time = Measure.median(runs: runs) {
      let entries = processor.bibliography(references)
      length = PlainTextFormat().bibliography(entries, layout: processor.bibliographyLayout).utf8.count
    }
    precondition(length > 0)
    let micro = time * 1e6 / Double(max(references.count, 1))
    rates.append(micro)
    cells.append("\(format(time * 1000, digits: 0)) ms (\(format(micro)) µs/ref)")
  }
  perReference[name] = rates
  let spread = (rates.max() ?? 0) / max(rates.min() ?? 1, 1e-9)
  say("| \(name) | " + cells.joined(separator: " | ") + " | ×\(format(spread, digits: 2)) |")
}

// MARK: Citations with disambiguation

/// True when the text has a four-digit year directly followed by a lower-case letter ("2017b").
func hasYearSuffix(_ text: String) -> Bool {
  var digits = 0
  for byte in text.utf8 {
    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      digits += 1
    } else {
      if digits == 4 && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return true }
      digits = 0
    }
  }
  return false
}

say("\n## Citations with disambiguation (harvard, one cite per citation, in corpus order)\n")
say("| cites | time | per cite | year suffixes |")
say("| ---: | ---: | ---: | ---: |")
if let harvard = processor("harvard") {
  let references = generator.references(count: options.cites)
  let clusters = references.map { CitationCluster(items: [CiteItem(id: $0.id)]) }
  var output: DocumentOutput?
  let time = Measure.seconds { output = harvard.render(references: references, clusters: clusters) }
  let plain = PlainTextFormat()
  let suffixed = (output?.citations ?? []).filter { hasYearSuffix(plain.string(for: $0)) }.count
  say(
    "| \(options.cites) | \(format(time * 1000, digits: 0)) ms | \(format(time * 1e6 / Double(max(options.cites, 1)))) µs "
      + "| \(suffixed) |")
}

say("\n## Memory\n")
say("peak resident set size of this process: \(megabytes(Measure.peakResidentBytes()))")

// MARK: End to end

let cli: String? = {
  if let cli = options.cli { return cli }
  let own = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
  let candidate = own + "/citeproc"
  return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
}()

guard let cli else {
  say("\n(no citeproc executable beside the benchmark: build it with swift build -c release)")
  exit(0)
}

say("\n## The command line, end to end (`citeproc format FILE --style S > /dev/null`)\n")
let tiny = corpusDirectory + "/corpus-1.ris"
try Data(CorpusFormat.ris.encode(Array(allReferences.prefix(1))).utf8).write(to: URL(fileURLWithPath: tiny))
var startups: [Double] = []
for _ in 0..<21 {
  guard let run = Measure.run([cli, "format", tiny, "--style", "vancouver"]) else { break }
  startups.append(run.seconds)
}
let startupPeak =
  Measure.runMeasuringMemory([cli, "format", tiny, "--style", "vancouver"], scratch: corpusDirectory)?
  .peakBytes ?? 0
say(
  "start-up (one reference, vancouver, median of 21): \(format(Measure.median(startups) * 1000)) ms, "
    + "peak \(megabytes(startupPeak))\n")
say("| input | style | wall | CPU (user + system) | peak RSS | above input and start-up, per reference |")
say("| --- | --- | ---: | ---: | ---: | ---: |")
for corpus in corpora {
  for style in ["vancouver", "harvard"] {
    guard
      let run = Measure.runMeasuringMemory(
        [cli, "format", corpus.risPath, "--style", style], scratch: corpusDirectory),
      run.status == 0
    else {
      say("| \(Options.label(corpus.count)) RIS | \(style) | failed | | | |")
      continue
    }
    let extra = Double(run.peakBytes - startupPeak - corpus.ris.count) / Double(corpus.count)
    say(
      "| \(Options.label(corpus.count)) RIS | \(style) | \(format(run.seconds, digits: 2)) s "
        + "| \(format(run.cpuSeconds, digits: 2)) s | \(megabytes(run.peakBytes)) "
        + "| \(format(extra / 1024, digits: 2)) KB |")
  }
}
if options.corpusDirectory == nil { try? FileManager.default.removeItem(atPath: corpusDirectory) }
