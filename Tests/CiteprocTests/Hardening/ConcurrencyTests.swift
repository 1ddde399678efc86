import CiteprocData
import CiteprocReaders
import Foundation
import Testing

@testable import Citeproc

/// Many tasks share one processor, load styles and read records at the same time. Run it on one
/// processor under the thread sanitizer: `Scripts/sanitize.sh thread` (see CONTRIBUTING.md).
@Suite struct ConcurrencyTests {
  @Test func manyTasksShareProcessorsAndLoaders() async throws {
    let styles = StyleLoader.builtInNames
    var processors: [String: Processor] = [:]
    for name in styles {
      let loaded = try StyleLoader().load(name)
      processors[name] = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
    }
    let shared = processors
    let ris = Array(
      """
      TY  - JOUR
      AU  - Cocksedge, Simon
      AU  - Greenfield, Rebecca
      TI  - Holding relationships in primary care
      T2  - British Journal of General Practice
      PY  - 2011
      VL  - 61
      SP  - e484
      EP  - e491
      ER  -
      """.utf8)
    let expected = try #require(shared["vancouver"]).bibliography(
      RISReader().read(ris, file: "a.ris").references
    )
    .map { PlainTextFormat().string(for: $0.content) }

    let tasks = 400
    let outputs = await withTaskGroup(of: [String].self) { group in
      for index in 0..<tasks {
        group.addTask {
          switch index % 4 {
          case 0:
            // A shared processor.
            let references = RISReader().read(ris, file: "t\(index).ris").references
            return shared["vancouver"].map { processor in
              processor.bibliography(references).map { PlainTextFormat().string(for: $0.content) }
            } ?? []
          case 1:
            // Styles and locales parsed at the same time (libxml2 in many threads).
            let name = styles[index % styles.count]
            guard let loaded = try? StyleLoader().load(name) else { return ["style failed"] }
            _ = LocaleLoader().locale(for: loaded.style)
            return expected
          case 2:
            // Hostile documents refused concurrently.
            let hostile = "<!DOCTYPE style [<!ENTITY a \"b\">]>\n<style>&a;</style>"
            return (try? StyleLoader().load(xml: hostile)) == nil ? expected : ["hostile style loaded"]
          default:
            let json = CSLJSONWriter().write(RISReader().read(ris, file: "j.ris").references)
            let references = CSLJSONReader().read(Array(json.utf8), file: "j.json").references
            let cited = shared.values.map {
              $0.citation([CiteItem(id: references[0].id)], references: references)
            }
            return cited.contains(.empty) ? ["empty citation"] : expected
          }
        }
      }
      var all: [[String]] = []
      for await output in group { all.append(output) }
      return all
    }
    #expect(outputs.count == tasks)
    #expect(outputs.allSatisfy { $0 == expected })
  }
}
