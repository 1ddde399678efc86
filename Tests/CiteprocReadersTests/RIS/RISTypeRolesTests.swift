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
    }
    #expect(RISTypeRoles.roles(for: "BOOK").pageCount && !RISTypeRoles.roles(for: "JOUR").pageCount)
    #expect(RISTypeRoles.roles(for: "EJOUR").journalLike && RISTypeRoles.roles(for: "EJOUR").dateIsAccessed)
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
