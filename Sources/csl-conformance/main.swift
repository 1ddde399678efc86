import CSLTestSuite
import Foundation

// csl-conformance [--locales DIR] [--filter PATTERN] [--verbose] PATH...
// Runs CSL test-suite fixtures (files or folders) and prints a pass/fail table per category.

var localesDirectory: String?
var filter: String?
var verbose = false
var paths: [String] = []
var referenceOutputs: String?
var trimsReferences = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--locales": localesDirectory = arguments.popFirst()
  case "--filter": filter = arguments.popFirst()
  case "--verbose", "-v": verbose = true
  case "--reference-outputs": referenceOutputs = arguments.popFirst()
  case "--trim-references": trimsReferences = true
  case "--help", "-h":
    print("usage: csl-conformance [--locales DIR] [--filter PATTERN] [--verbose] PATH...")
    print("       csl-conformance --reference-outputs DIR [--verbose]   (compare with reference outputs)")
    print("--trim-references: format references trimmed to the variables the style reads")
    print("Runs CSL test-suite fixtures (files, or folders of *.txt) and compares results exactly.")
    exit(0)
  default: paths.append(argument)
  }
}
if let referenceOutputs {
  let shared = (referenceOutputs as NSString).deletingLastPathComponent
  let comparison = ReferenceOutputComparison(
    directory: referenceOutputs, stylesDirectory: shared + "/csl-styles",
    localesDirectory: shared + "/csl-locales", trimsReferences: trimsReferences)
  do {
    let rows = try comparison.compare()
    var allMatched = 0
    var allTotal = 0
    for row in rows {
      let percent = row.total == 0 ? 100.0 : Double(row.matched) * 100 / Double(row.total)
      let label = (row.name + " " + row.kind).padding(toLength: 58, withPad: " ", startingAt: 0)
      print(label + String(format: "%4d/%4d  %5.1f%%", row.matched, row.total, percent))
      allMatched += row.matched
      allTotal += row.total
      if verbose {
        for difference in row.differences.prefix(8) {
          print("  - " + difference.expected)
          print("  + " + difference.actual)
        }
      }
    }
    print("\(allMatched) of \(allTotal) lines match")
  } catch {
    print("error: \(error)")
    exit(2)
  }
  exit(0)
}
if paths.isEmpty {
  let shared = "../shared/csl-test-suite/processor-tests/humans"
  guard FileManager.default.fileExists(atPath: shared) else {
    FileHandle.standardError.write(Data("csl-conformance: no PATH given and \(shared) not found\n".utf8))
    exit(2)
  }
  paths = [shared]
}
if localesDirectory == nil, FileManager.default.fileExists(atPath: "../shared/csl-locales") {
  localesDirectory = "../shared/csl-locales"
}

var files: [String] = []
for path in paths {
  var isDirectory: ObjCBool = false
  if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
    files += FixtureParser.fixturePaths(under: path).filter {
      !$0.contains("/off-spec/") && !$0.contains("/experiments/")
    }
  } else {
    files.append(path)
  }
}
if let filter { files = files.filter { $0.contains(filter) } }

let runner = FixtureRunner(localesDirectory: localesDirectory, trimsReferences: trimsReferences)
var table: [String: (passed: Int, failed: Int)] = [:]
var passed = 0
var failed = 0
var skipped = 0
var failures: [String] = []
for file in files.sorted() {
  let fixture: Fixture
  do {
    fixture = try FixtureParser.load(path: file)
  } catch {
    print("\(error)")
    skipped += 1
    continue
  }
  if fixture.version?.hasPrefix("1.1") == true {
    skipped += 1
    continue
  }
  let category = String(fixture.name.prefix { $0 != "_" })
  let outcome = runner.run(fixture)
  let actual: String
  switch outcome {
  case .success(let text): actual = text
  case .failure(let failure): actual = "error: " + failure.message
  }
  if actual == fixture.result {
    passed += 1
    table[category, default: (0, 0)].passed += 1
  } else {
    failed += 1
    table[category, default: (0, 0)].failed += 1
    failures.append(fixture.name)
    if verbose {
      print("FAIL \(fixture.name)")
      print("--- expected")
      print(fixture.result)
      print("+++ actual")
      print(actual)
      print("")
    }
  }
}

print("category".padding(toLength: 16, withPad: " ", startingAt: 0) + "  pass  fail")
for (category, counts) in table.sorted(by: { $0.key < $1.key }) {
  let name = category.padding(toLength: 16, withPad: " ", startingAt: 0)
  print(name + "  " + String(counts.passed).leftPad(4) + "  " + String(counts.failed).leftPad(4))
}
if verbose == false, !failures.isEmpty, failures.count <= 60 {
  print("failed: " + failures.joined(separator: " "))
}
if skipped > 0 { print("\(skipped) skipped") }
print("\(passed) passed, \(failed) failed")

extension String {
  func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
