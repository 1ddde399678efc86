/// Byte scans of a string's UTF-8, made on its contiguous storage where it has one.
extension String {
  /// Whether the text's UTF-8 holds `byte`, read in place (the bytes of a long title are scanned
  /// without going through the generic sequence code).
  func containsUTF8(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
  }

  /// Whether any byte of the text's UTF-8 satisfies `test`, read in place.
  @inline(__always)
  func containsUTF8(where test: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
  }
}
