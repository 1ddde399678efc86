import CiteprocData
import CiteprocReaders

/// libFuzzer entry point: any bytes through the CSL-JSON reader, then a write and read round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSLJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let result = CSLJSONReader().read(bytes, file: "fuzz.json")
  // Every id used twice is reported.
  var seen: Set<String> = []
  for reference in result.references where !seen.insert(reference.id).inserted {
    if !result.diagnostics.contains(where: { $0.message.contains("id '\(reference.id)' is also used") }) {
      fatalError("duplicate id '\(reference.id)' without a warning")
    }
  }
  // What the writer prints, the reader reads back as the same number of references.
  let written = CSLJSONWriter().write(result.references)
  let again = CSLJSONReader().read(Array(written.utf8), file: "written.json")
  if again.references.count != result.references.count || !again.rejected.isEmpty {
    fatalError("CSL-JSON written by the writer does not read back: \(written)")
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
@_cdecl("fuzz_csljson_main")
public func fuzz_csljsonMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzCSLJSON(data, size) }
}
