import Citeproc

/// libFuzzer entry point: any bytes as a style (XML loading and compilation) and as a locale.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStyle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    let loaded = try StyleLoader().load(bytes: bytes, file: "fuzz.csl")
    _ = LocaleLoader().locale(for: loaded.style)
  } catch {
    if !error.diagnostics.contains(where: { $0.severity == .error }) {
      fatalError("a style was refused without an error")
    }
  }
  return 0
}

/// libFuzzer's driver, run from this module's entry point.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The executable's entry point (the package manager links an executable module's `main` under
/// this name).
@_cdecl("fuzz_style_main")
public func fuzz_styleMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzStyle(data, size) }
}
