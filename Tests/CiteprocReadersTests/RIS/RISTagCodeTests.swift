import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct RISTagCodeTests {
  @Test func constantsAreTheCodesOfTheirTags() {
    let pairs: [(String, UInt16)] = [
      ("TI", RISTagCode.TI),
      ("T1", RISTagCode.T1),
      ("CT", RISTagCode.CT),
      ("BT", RISTagCode.BT),
      ("ST", RISTagCode.ST),
      ("OP", RISTagCode.OP),
      ("RI", RISTagCode.RI),
      ("AU", RISTagCode.AU),
      ("A1", RISTagCode.A1),
      ("A2", RISTagCode.A2),
      ("A3", RISTagCode.A3),
      ("A4", RISTagCode.A4),
      ("ED", RISTagCode.ED),
      ("PB", RISTagCode.PB),
      ("PU", RISTagCode.PU),
      ("T2", RISTagCode.T2),
      ("T3", RISTagCode.T3),
      ("CP", RISTagCode.CP),
      ("C1", RISTagCode.C1),
      ("C2", RISTagCode.C2),
      ("C3", RISTagCode.C3),
      ("C7", RISTagCode.C7),
      ("JF", RISTagCode.JF),
      ("JA", RISTagCode.JA),
      ("J1", RISTagCode.J1),
      ("J2", RISTagCode.J2),
      ("JO", RISTagCode.JO),
      ("JI", RISTagCode.JI),
      ("J9", RISTagCode.J9),
      ("SP", RISTagCode.SP),
      ("EP", RISTagCode.EP),
      ("LP", RISTagCode.LP),
      ("VL", RISTagCode.VL),
      ("VO", RISTagCode.VO),
      ("IS", RISTagCode.IS),
      ("M1", RISTagCode.M1),
      ("M3", RISTagCode.M3),
      ("SE", RISTagCode.SE),
      ("NV", RISTagCode.NV),
      ("ET", RISTagCode.ET),
      ("CY", RISTagCode.CY),
      ("PI", RISTagCode.PI),
      ("PP", RISTagCode.PP),
      ("DO", RISTagCode.DO),
      ("N1", RISTagCode.N1),
      ("N2", RISTagCode.N2),
      ("AB", RISTagCode.AB),
      ("RN", RISTagCode.RN),
      ("L1", RISTagCode.L1),
      ("L2", RISTagCode.L2),
      ("L3", RISTagCode.L3),
      ("L4", RISTagCode.L4),
      ("LK", RISTagCode.LK),
      ("DI", RISTagCode.DI),
      ("UR", RISTagCode.UR),
      ("SN", RISTagCode.SN),
      ("ID", RISTagCode.ID),
      ("CN", RISTagCode.CN),
      ("LB", RISTagCode.LB),
      ("U1", RISTagCode.U1),
      ("U2", RISTagCode.U2),
      ("U3", RISTagCode.U3),
      ("U4", RISTagCode.U4),
      ("U5", RISTagCode.U5),
      ("DB", RISTagCode.DB),
      ("DP", RISTagCode.DP),
      ("AN", RISTagCode.AN),
      ("DA", RISTagCode.DA),
      ("PY", RISTagCode.PY),
      ("Y1", RISTagCode.Y1),
      ("Y2", RISTagCode.Y2),
      ("KW", RISTagCode.KW),
      ("LA", RISTagCode.LA),
    ]
    for (tag, code) in pairs {
      #expect(RISTags.code(tag) == code, "\(tag)")
      #expect(RISEntry(code: code, value: "", line: 1).tag == tag)
    }
  }

  /// Records of random entries (known tags and codes that are no tag): `mayHave` is true for every
  /// code present, and false for most absent ones.
  @Test func mayHaveHoldsForEveryCodePresent() {
    var codes: [UInt16] = [0, 0x4141, 0x5A39, 0x3030, 0x4120, 0xFFFF, 0x415B, 0x403A]
    for tag in RISTags.known { codes.append(RISTags.code(tag)) }
    var random = TestRandom(seed: 9)
    var absent = 0
    var ruledOut = 0
    for _ in 0..<3000 {
      var record = RISRecord(typeValue: "JOUR", line: 1)
      var held: Set<UInt16> = []
      for _ in 0..<random.next(20) {
        let code = codes[random.next(codes.count)]
        held.insert(code)
        record.append(RISEntry(code: code, value: "x", line: 2))
      }
      for code in codes {
        if held.contains(code) {
          #expect(record.mayHave(code), "\(code) in \(held)")
        } else {
          absent += 1
          if !record.mayHave(code) { ruledOut += 1 }
        }
      }
    }
    #expect(ruledOut > absent * 3 / 4, "\(ruledOut) of \(absent)")
  }
}
