import CiteprocData
import Foundation
import Testing

@testable import CiteprocReaders

@Suite struct RISTokenizerPieceTests {
  static func inputs() -> [(String, [UInt8])] {
    var result: [(String, [UInt8])] = []
    let directories = [TestSupport.fixtures, TestSupport.risSamples]
    for directory in directories {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".ris") {
        result.append((name, TestSupport.bytes(directory.appendingPathComponent(name))))
      }
    }
    result.append(
      (
        "odd",
        Array(
          """
          AU  - Stray, A
          TY  - JOUR
          TI  - One
          TY  - BOOK
          TI  - Two
          ER  -
          ER  -
          junk
          TY  - JOUR TI  - Collapsed AU  - Cocksedge, S ER  -
          AU  - Stray, B
          TY  - GEN
          TI  - Three
          """.utf8)
      ))
    return result
  }

  /// Tokenising in pieces cut at TY lines gives the records and messages of one pass.
  @Test func piecesEqualOnePass() {
    for (name, raw) in Self.inputs() {
      let text = RISTextDecoder().decode(raw).bytes
      let whole = RISTokenizer(file: name, firstLine: 3).tokenize(text)
      for spacing in [1, 40, 500, 10_000] {
        let bounds = RISTokenizer.pieceBounds(text, in: 0..<text.count, spacing: spacing)
        #expect(bounds.first == 0 && bounds.last == text.count)
        var records: [RISRecord] = []
        var diagnostics: [Diagnostic] = []
        var line = 3
        for index in 0..<(bounds.count - 1) {
          let range = bounds[index]..<bounds[index + 1]
          let output = RISTokenizer(file: name, firstLine: line).tokenize(text, in: range)
          records += output.records
          diagnostics += output.diagnostics
          line += text[range].filter { $0 == 0x0A }.count
        }
        #expect(records == whole.records, "\(name) \(spacing)")
        #expect(diagnostics == whole.diagnostics, "\(name) \(spacing)")
        if spacing == 1 { #expect(bounds.count - 1 >= min(whole.records.count, 2), "\(name)") }
      }
    }
  }

  /// A TY line the shortcut passes over is never a collapsed record.
  @Test func collapsedLineShortcutMissesNothing() {
    var lines: [[UInt8]] = [
      Array("TY  - JOUR".utf8), Array("TY  - JOUR TI  - A title AU  - Cocksedge, S ER  -".utf8),
      Array("TY - JOUR T1 - A title ER -".utf8), Array("TY  - JOUR -".utf8), Array("TY  - ".utf8),
      Array("TY  - JOUR  ER  -".utf8), Array("TY  - JOUR\tER  -".utf8), Array("TY  -  JOUR ER -".utf8),
    ]
    for (_, raw) in Self.inputs() {
      let text = RISTextDecoder().decode(raw).bytes
      for line in text.split(separator: 0x0A) where line.starts(with: Array("TY".utf8)) {
        lines.append(Array(line))
      }
    }
    var collapsed = 0
    for line in lines {
      guard let tag = RISTokenizer.matchTagLine(line, 0, line.count), tag.code == RISTags.typeCode else {
        continue
      }
      let recovered = RISCollapsedLine.split(line, lineNumber: 1)
      if recovered != nil { collapsed += 1 }
      let may = line.withUnsafeBufferPointer {
        RISTokenizer.mayBeCollapsed($0, tag.valueStart, line.count)
      }
      #expect(may || recovered == nil, "\(String(decoding: line, as: UTF8.self))")
    }
    #expect(collapsed >= 3)
  }
}
