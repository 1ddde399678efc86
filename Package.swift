// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Citeproc",
  products: [
    .library(name: "Citeproc", targets: ["Citeproc", "CiteprocData", "CiteprocReaders"]),
    .executable(name: "citeproc", targets: ["CiteprocCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The bibliographic data model shared by readers and the engine.
    .target(name: "CiteprocData"),
    // Bytes to references: RIS and CSL-JSON. Never sees the engine.
    .target(name: "CiteprocReaders", dependencies: ["CiteprocData"]),
    // Styles, locales, the engine and output formats. Never sees RIS.
    .target(
      name: "Citeproc",
      dependencies: ["CiteprocData", "CLibXML2"],
      plugins: ["EmbedResourcesPlugin"]
    ),
    // Reads fixture files of the official CSL processor test suite (for tests and harnesses).
    .target(name: "CSLTestSuite", dependencies: ["CiteprocData", "CiteprocReaders", "Citeproc"]),
    // Runs the official CSL test suite: `swift run -c release csl-conformance`.
    .executableTarget(name: "csl-conformance", dependencies: ["CSLTestSuite"]),
    .executableTarget(
      name: "CiteprocCLI",
      dependencies: [
        "Citeproc", "CiteprocData", "CiteprocReaders",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A deterministic synthetic corpus (RIS and CSL-JSON) for the speed benchmark.
    .target(name: "CorpusGenerator", dependencies: ["CiteprocData", "CiteprocReaders"]),
    // Speed benchmark: `swift build -c release && .build/release/citeproc-bench`.
    .executableTarget(
      name: "citeproc-bench",
      dependencies: ["Citeproc", "CiteprocData", "CiteprocReaders", "CorpusGenerator"]
    ),
    // Build tool: turns Styles/*.csl and Styles/locales/*.xml into Swift string literals.
    .executableTarget(name: "EmbedResources"),
    .plugin(
      name: "EmbedResourcesPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedResources"]
    ),
    // Helpers shared by the test targets (a seeded generator for comparing fast paths).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CiteprocDataTests", dependencies: ["CiteprocData"]),
    .testTarget(name: "CiteprocReadersTests", dependencies: ["CiteprocReaders", "TestSupport"]),
    .testTarget(name: "CiteprocTests", dependencies: ["Citeproc", "CiteprocReaders", "TestSupport"]),
    .testTarget(name: "CiteprocCLITests", dependencies: ["CiteprocCLI"]),
    .testTarget(
      name: "CorpusGeneratorTests", dependencies: ["CorpusGenerator", "CiteprocReaders"]),
    .testTarget(
      name: "CSLTestSuiteTests", dependencies: ["CSLTestSuite", "CiteprocData", "CiteprocReaders"]),
  ],
  swiftLanguageModes: [.v6]
)

// libFuzzer targets, built only by Scripts/fuzz.sh (CITEPROC_FUZZ=1): they need the fuzzer and
// address sanitizer flags on every module they link, which plain `swift build` must not get.
if Context.environment["CITEPROC_FUZZ"] == "1" {
  let sanitize: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
  for target in package.targets where ["CiteprocData", "CiteprocReaders", "Citeproc"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + sanitize
  }
  let fuzzers: [(String, [Target.Dependency])] = [
    ("fuzz-ris", ["CiteprocData", "CiteprocReaders"]),
    ("fuzz-csljson", ["CiteprocData", "CiteprocReaders"]),
    ("fuzz-style", ["Citeproc"]),
    ("fuzz-render", ["Citeproc", "CiteprocData", "CiteprocReaders"]),
  ]
  for (name, dependencies) in fuzzers {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: dependencies, path: "Fuzz/\(name)",
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]))
    package.products.append(.executable(name: name, targets: [name]))
  }
}
