/// Guesses the format of an input from its bytes.
public enum InputDetection {
  /// `.cslJSON` when the first byte that is not white space (after a byte order mark) is `[` or `{`;
  /// `.ris` when a line is an RIS `TY` tag line; nil otherwise.
  public static func detect(_ bytes: [UInt8]) -> InputFormat? {
    var index = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    var scan = index
    while scan < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[scan]) { scan += 1 }
    if scan < bytes.count, bytes[scan] == 0x5B || bytes[scan] == 0x7B { return .cslJSON }
    var start = index
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      if end - start >= 4, bytes[start] == 0x54, bytes[start + 1] == 0x59,
        let tag = RISTokenizer.matchTagLine(bytes, start, end), tag.tag == "TY"
      {
        return .ris
      }
      start = end + 1
    }
    return nil
  }

  /// The name of a tagged format that is often mistaken for RIS (Web of Science plain text, EndNote
  /// tagged, MEDLINE/nbib, BibTeX), or nil. Meant for error messages.
  public static func foreignFormatName(_ bytes: [UInt8]) -> String? {
    if detect(bytes) == .ris { return nil }
    guard let (format, _) = ForeignFormat.detect(bytes), format != .json else { return nil }
    return format.rawValue
  }
}
