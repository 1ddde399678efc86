import Testing

@testable import Citeproc

/// The seed record against the exact outputs in STYLES.md, through the official styles.
@Suite(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles not available"))
struct OfficialStyleSeedTests {
  @Test func nlmCitationSequence() throws {
    let out = try render(
      styleAt: TestPaths.sharedPath("csl-styles/nlm-citation-sequence.csl"), [seedReference])
    #expect(
      out.bibliography == [
        "1. Cocksedge S, Greenfield R, Nugent GK, Chew-Graham C. Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions. Br J Gen Pract. 2011 Aug 1;61(589):e484–91. doi:10.3399/bjgp11X588457"
      ])
    #expect(out.citation == "(1)")
  }

  @Test func harvardCiteThemRightEnGB() throws {
    let out = try render(
      styleAt: TestPaths.sharedPath("csl-styles/harvard-cite-them-right.csl"), locale: "en-GB",
      [seedReference])
    #expect(
      out.bibliography == [
        "Cocksedge, S. et al. (2011) ‘Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions’, British Journal of General Practice, 61(589), pp. e484–e491. Available at: https://doi.org/10.3399/bjgp11X588457."
      ])
    #expect(out.citation == "(Cocksedge et al., 2011)")
  }
}
