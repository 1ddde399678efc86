import CiteprocData
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read a chunk at a time, straight into byte arrays: read through `Data`, each chunk was
/// held twice while it was copied into an array. A read error ends the file and is kept, to be
/// reported with the records read before it.
struct FileChunks {
  let descriptor: Int32
  let size: Int
  /// The `errno` of a failed read.
  private(set) var failure: Int32?

  init(_ handle: FileHandle, size: Int) {
    descriptor = handle.fileDescriptor
    self.size = size
  }

  /// The next `size` bytes (fewer only at the end of the file), or nil at the end.
  mutating func next() -> [UInt8]? {
    let bytes = fill(upTo: size)
    return bytes.isEmpty ? nil : bytes
  }

  /// Everything left in the file.
  mutating func rest() -> [UInt8] {
    var bytes: [UInt8] = []
    while let more = next() { bytes += more }
    return bytes
  }

  /// The error that ended the file early, if one did.
  func failure(file: String) -> Diagnostic? {
    failure.map {
      .error("the file could not be read to the end: \(String(cString: strerror($0)))", file: file)
    }
  }

  /// Up to `count` bytes, fewer only at the end of the file or after a failed read.
  private mutating func fill(upTo count: Int) -> [UInt8] {
    guard failure == nil else { return [] }
    let descriptor = descriptor
    var failed: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = 0
      while initialized < count, let base = buffer.baseAddress {
        let got = read(descriptor, base + initialized, count - initialized)
        if got > 0 {
          initialized += got
        } else if got == 0 {
          return
        } else if errno != EINTR {
          failed = errno
          return
        }
      }
    }
    failure = failed
    return bytes
  }
}
