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

extension String {
  /// `pieces` end to end, made at its final size of `byteCount` UTF-8 bytes (their total) by
  /// copying each piece's bytes in place: appending piece by piece checks and may grow the text
  /// at every step, which costs more than the copying for the short pieces of an entry.
  init(joining pieces: some Sequence<String>, byteCount: Int) {
    self.init(unsafeUninitializedCapacity: byteCount) { buffer in
      var offset = 0
      for piece in pieces {
        let copied = piece.utf8.withContiguousStorageIfAvailable { bytes -> Int in
          let count = Swift.min(bytes.count, buffer.count - offset)
          _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + count)])
            .initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[0..<count]))
          return count
        }
        if let copied {
          offset += copied
        } else {
          for byte in piece.utf8 where offset < buffer.count {
            buffer[offset] = byte
            offset += 1
          }
        }
      }
      return offset
    }
  }
}
