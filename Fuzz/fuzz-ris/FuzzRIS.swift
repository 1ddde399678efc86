import CiteprocData
import CiteprocReaders

/// libFuzzer entry point: any bytes through input detection and the RIS reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRIS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  _ = InputDetection.detect(bytes)
  _ = InputDetection.foreignFormatName(bytes)
  let result = RISReader().read(bytes, file: "fuzz.ris")
  // Every reference has a unique, non-empty id.
  let ids = Set(result.references.map(\.id))
  if ids.count != result.references.count || ids.contains("") {
    fatalError("RIS reader returned duplicate or empty ids")
  }
  _ = CSLJSONWriter().write(result.references)
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
@_cdecl("fuzz_ris_main")
public func fuzz_risMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzRIS(data, size) }
}
