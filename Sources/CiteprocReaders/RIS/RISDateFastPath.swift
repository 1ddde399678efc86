/// The commonest RIS date spellings read straight from their bytes, giving exactly what
/// ``RISDateParser/parseGeneral(_:)`` gives: a bare year (`2017`) and slashed numbers
/// (`2017/03/12/`, `2017/03//`, `2017/3`). Nil (`.none`) for anything else.
enum RISDateFastPath {
  static func parse(_ raw: String) -> RISDateParser.Value?? {
    let result = raw.utf8.withContiguousStorageIfAvailable { bytes -> RISDateParser.Value?? in
      parse(bytes)
    }
    return result ?? .none
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> RISDateParser.Value?? {
    var low = 0
    var high = bytes.count
    while low < high, isBlank(bytes[low]) { low += 1 }
    while high > low, isBlank(bytes[high - 1]) { high -= 1 }
    // Up to four slots of at most six digits, separated by slashes; the fourth must be empty.
    var slots: (Int?, Int?, Int?) = (nil, nil, nil)
    var slotCount = 0
    var value = 0
    var digits = 0
    var index = low
    while true {
      let atEnd = index == high
      if atEnd || bytes[index] == 0x2F {
        switch slotCount {
        case 0:
          guard digits > 0 else { return .none }
          slots.0 = value
        case 1: slots.1 = digits > 0 ? value : nil
        case 2: slots.2 = digits > 0 ? value : nil
        default: guard digits == 0 else { return .none }
        }
        slotCount += 1
        value = 0
        digits = 0
        if atEnd { break }
      } else {
        let byte = bytes[index]
        guard byte >= 0x30 && byte <= 0x39, digits < 6 else { return .none }
        value = value * 10 + Int(byte - 0x30)
        digits += 1
      }
      index += 1
    }
    guard slotCount <= 4, let first = slots.0 else { return .none }
    if slotCount == 1 {
      // A bare number is read as free text: a year when it has three digits or more, or is above 31.
      let year = high - low >= 3 || first > 31 ? first : 0
      return .some(year > 0 ? RISDateParser.Value(year: year) : nil)
    }
    var date = RISDateParser.Value()
    date.year = first > 0 ? first : nil
    if let month = slots.1 { date.month = (1...12).contains(month) ? month : nil }
    if slotCount > 2, date.month != nil, let day = slots.2, (1...31).contains(day) { date.day = day }
    return .some(date.isEmpty ? nil : date)
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
}
