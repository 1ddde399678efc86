import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct RISTypeRolesTests {
  @Test func tableEqualsTheTypeSets() {
    let codes = Array(RISTypeTable.cslTypes.keys) + ["GEN", "UNKNOWN", "", "jour", "XYZ"]
    for code in codes {
      let roles = RISTypeRoles.roles(for: code)
      #expect(roles == RISTypeRoles(code: code), "\(code)")
      #expect(roles.pageCount == RISTagRoles.pageCountTypes.contains(code))
      #expect(roles.journalLike == RISTagRoles.journalLike.contains(code))
      #expect(roles.serialIsISBN == RISTagRoles.serialIsISBN.contains(code))
      #expect(roles.dateIsAccessed == RISTagRoles.dateIsAccessed.contains(code))
      #expect(roles.secondaryTitle == RISTagRoles.secondaryTitle(code))
    }
    #expect(RISTypeRoles.roles(for: "BOOK").pageCount && !RISTypeRoles.roles(for: "JOUR").pageCount)
    #expect(RISTypeRoles.roles(for: "EJOUR").journalLike && RISTypeRoles.roles(for: "EJOUR").dateIsAccessed)
  }

  /// The lookup of known codes gives what the general resolution gives, and declines the rest.
  @Test func knownCodesEqualGeneralResolution() {
    var values = [
      "", " ", "JOUR ", " JOUR", "Journal Article", "jOuR", "J0UR", "JOURNAL", "ABCDEFGHI", "GEN", "UNKNOWN",
      "É", "JOUR\n", "book section", "X", "ZZZZZZZZ", "AAAAAAAA",
    ]
    for code in RISTypeTable.cslTypes.keys {
      values += [code, code.lowercased(), code.capitalized, String(code.dropLast()), code + "S", code + " "]
    }
    var random = TestRandom(seed: 4)
    let letters = Array("ABCEJKLNOPRSTUWabcejo é".unicodeScalars)
    for _ in 0..<3000 {
      var value = ""
      for _ in 0..<random.next(9) { value.unicodeScalars.append(letters[random.next(letters.count)]) }
      values.append(value)
    }
    var known = 0
    for value in values {
      let resolved = RISTypeTable.resolve(value)
      guard let fast = RISTypeRoles.known(value) else {
        // Declined only when the value is not a known code in ASCII letters.
        #expect(
          resolved.warning != nil || RISTypeTable.cslTypes[value.uppercased()] == nil
            || value.utf8.contains { !((0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)) },
          "\(value.debugDescription)")
        continue
      }
      known += 1
      #expect(resolved.warning == nil, "\(value.debugDescription)")
      #expect(fast.code == resolved.code && fast.cslType == resolved.cslType, "\(value.debugDescription)")
      #expect(fast.roles == RISTypeRoles.roles(for: resolved.code), "\(value.debugDescription)")
    }
    #expect(known > RISTypeTable.cslTypes.count * 3, "\(known)")
  }

  @Test func volumesWithAndWithoutPrefixes() {
    let cases = [
      ("40", "40"), (" 40 ", "40"), ("v. 40", "40"), ("Vol. 12", "12"), ("vol 3", "3"), ("v 2", "2"),
      ("4 v.", "4 v."), ("vv", "vv"), ("v. v. 3", "3"), ("volume 3", "volume 3"), ("1vol.", "1vol."),
    ]
    for (input, expected) in cases {
      #expect(RISFieldValues.volume(input) == expected, "\(input)")
    }
  }
}
