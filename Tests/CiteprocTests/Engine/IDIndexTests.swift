import CiteprocData
import Testing

@testable import Citeproc

@Suite struct IDIndexTests {
  @Test func findsEveryReferenceByIDAndTheLaterOfTwo() {
    var references = (0..<1000).map { Reference(id: "item-\($0)", type: "book") }
    references.append(Reference(id: "item-7", type: "article"))
    references.append(Reference(id: "", type: "book"))
    var shared: [String] = []
    let index = IDIndex(references) { shared.append($0) }
    #expect(shared == ["item-7"])
    for number in 0..<1000 where number != 7 {
      #expect(index["item-\(number)"] == number)
    }
    #expect(index["item-7"] == 1000)
    #expect(index[""] == 1001)
    #expect(index["item-1000"] == nil)
    #expect(index["ITEM-1"] == nil)
  }

  @Test func anEmptyListFindsNothing() {
    let index = IDIndex([]) { _ in Issue.record("no id is shared") }
    #expect(index["a"] == nil)
  }
}
