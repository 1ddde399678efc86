import Foundation
import Testing

@testable import CiteprocCLI

@Suite struct FileChunksTests {
  private func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "filechunks-\(UUID().uuidString)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func chunksGiveTheFileInOrder() throws {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forReadingAtPath: path))
    defer { try? handle.close() }
    var chunks = FileChunks(handle, size: 4096)
    var sizes: [Int] = []
    var read: [UInt8] = []
    while let chunk = chunks.next() {
      sizes.append(chunk.count)
      read += chunk
    }
    #expect(sizes == [4096, 4096, 1808])
    #expect(read == bytes)
    #expect(chunks.next() == nil)
    #expect(chunks.failure(file: path) == nil)
  }

  @Test func restReadsToTheEnd() throws {
    let bytes = Array("TY  - JOUR\nER  - \n".utf8)
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forReadingAtPath: path))
    defer { try? handle.close() }
    var chunks = FileChunks(handle, size: 5)
    #expect(chunks.next() == Array("TY  -".utf8))
    #expect(chunks.rest() == Array(" JOUR\nER  - \n".utf8))
  }

  /// A read that fails (here: reading a directory) ends the chunks and is reported, rather than
  /// passing for the end of the file.
  @Test func aFailedReadIsKeptToBeReported() throws {
    let directory = NSTemporaryDirectory() + "filechunks-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let handle = try #require(FileHandle(forReadingAtPath: directory))
    defer { try? handle.close() }
    var chunks = FileChunks(handle, size: 64)
    #expect(chunks.next() == nil)
    let failure = try #require(chunks.failure(file: directory))
    #expect(failure.severity == .error)
    #expect(failure.description.contains(directory))
    #expect(failure.description.contains("could not be read to the end"))
  }
}
