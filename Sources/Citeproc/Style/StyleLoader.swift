import Foundation

/// A style failed to load; `diagnostics` says why (`file:line: error: …`), with any warnings.
public struct StyleLoadError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A compiled style plus the warnings its compilation produced.
public struct LoadedStyle: Sendable {
  public var style: Style
  public var warnings: [Diagnostic]
}

/// Loads styles: built-in ones by name, files by path, or XML text; resolves dependent styles.
public struct StyleLoader: Sendable {
  /// Where to look for the parent of a dependent style, before the dependent file's own folder
  /// and that folder's parent.
  public var stylesDirectory: String?

  public init(stylesDirectory: String? = nil) {
    self.stylesDirectory = stylesDirectory
  }

  /// Names of the styles embedded in the library.
  public static var builtInNames: [String] { BuiltInResources.styles.keys.sorted() }

  /// The title of a built-in style.
  public static func builtInTitle(_ name: String) -> String? {
    guard let text = BuiltInResources.styles[name],
      let root = try? XMLDocumentLoader.parse(Array(text.utf8), file: name)
    else { return nil }
    return root.child(named: "info")?.child(named: "title")?.text.trimmingSpaces
  }

  /// Loads a built-in style by name, or a style file by path.
  public func load(_ nameOrPath: String) throws(StyleLoadError) -> LoadedStyle {
    if let text = BuiltInResources.styles[nameOrPath] {
      return try compile(bytes: Array(text.utf8), file: "<built-in>/\(nameOrPath).csl", directory: nil)
    }
    if Self.isTooLarge(nameOrPath) {
      throw StyleLoadError(diagnostics: [
        .error("the style \(XMLDocumentLoader.tooLargeMessage)", file: nameOrPath)
      ])
    }
    guard let data = FileManager.default.contents(atPath: nameOrPath) else {
      let known = Self.builtInNames.joined(separator: ", ")
      let message =
        nameOrPath.hasSuffix(".csl") || nameOrPath.contains("/")
        ? "cannot read style file" : "no built-in style with this name (built-in: \(known)) and no such file"
      throw StyleLoadError(diagnostics: [.error(message, file: nameOrPath)])
    }
    let directory = (nameOrPath as NSString).deletingLastPathComponent
    return try compile(bytes: Array(data), file: nameOrPath, directory: directory.isEmpty ? "." : directory)
  }

  /// Compiles style XML given as text. Dependent styles resolve against built-ins and
  /// `stylesDirectory`.
  public func load(xml: String, file: String = "<string>") throws(StyleLoadError) -> LoadedStyle {
    try compile(bytes: Array(xml.utf8), file: file, directory: nil)
  }

  /// Compiles style XML given as bytes (any encoding the XML declaration names; UTF-8 by default).
  /// Dependent styles resolve against built-ins and `stylesDirectory`.
  public func load(bytes: [UInt8], file: String = "<bytes>") throws(StyleLoadError) -> LoadedStyle {
    try compile(bytes: bytes, file: file, directory: nil)
  }

  private func compile(bytes: [UInt8], file: String, directory: String?, depth: Int = 0)
    throws(StyleLoadError)
    -> LoadedStyle
  {
    guard bytes.count <= XMLDocumentLoader.maximumSize else {
      throw StyleLoadError(diagnostics: [.error("the style \(XMLDocumentLoader.tooLargeMessage)", file: file)]
      )
    }
    let root: XMLTreeElement
    do {
      root = try XMLDocumentLoader.parse(bytes, file: file)
    } catch {
      throw StyleLoadError(diagnostics: [error])
    }
    let (compiled, diagnostics) = StyleCompiler.compile(root, file: file)
    guard let style = compiled else { throw StyleLoadError(diagnostics: diagnostics) }
    guard let parentID = style.info.independentParent, style.citation.layout.elements.isEmpty else {
      return LoadedStyle(style: style, warnings: diagnostics)
    }
    guard depth < 4 else {
      throw StyleLoadError(diagnostics: [.error("dependent styles form a loop", file: file)])
    }
    let parent = try loadParent(
      parentID, file: file, line: root.child(named: "info")?.line, directory: directory)
    var resolved = parent.style
    if let locale = style.defaultLocale { resolved.defaultLocale = locale }
    resolved.info.id = style.info.id ?? resolved.info.id
    resolved.info.title = style.info.title ?? resolved.info.title
    return LoadedStyle(style: resolved, warnings: diagnostics + parent.warnings)
  }

  private func loadParent(_ href: String, file: String, line: Int?, directory: String?) throws(StyleLoadError)
    -> LoadedStyle
  {
    let name = href.split(separator: "/").last.map(String.init) ?? href
    let fileName = name.hasSuffix(".csl") ? name : name + ".csl"
    var searched: [String] = []
    var folders: [String] = []
    if let stylesDirectory { folders.append(stylesDirectory) }
    if let directory {
      folders.append(directory)
      folders.append((directory as NSString).deletingLastPathComponent)
    }
    for folder in folders where !folder.isEmpty {
      let path = (folder as NSString).appendingPathComponent(fileName)
      searched.append(path)
      if Self.isTooLarge(path) {
        throw StyleLoadError(diagnostics: [
          .error("the style \(XMLDocumentLoader.tooLargeMessage)", file: path)
        ])
      }
      if let data = FileManager.default.contents(atPath: path) {
        return try compile(bytes: Array(data), file: path, directory: folder, depth: 1)
      }
    }
    // Built-in styles by file name or by id.
    let baseName = String(fileName.dropLast(4))
    if let text = BuiltInResources.styles[baseName] {
      return try compile(
        bytes: Array(text.utf8), file: "<built-in>/\(baseName).csl", directory: nil, depth: 1)
    }
    for (builtIn, text) in BuiltInResources.styles where text.contains("<id>\(href)</id>") {
      return try compile(bytes: Array(text.utf8), file: "<built-in>/\(builtIn).csl", directory: nil, depth: 1)
    }
    let places =
      searched.isEmpty ? "the built-in styles" : searched.joined(separator: ", ") + " or the built-in styles"
    throw StyleLoadError(diagnostics: [
      .error(
        "independent parent style '\(href)' not found (looked for \(places); use --styles-dir)", file: file,
        line: line)
    ])
  }

  /// True when `path` is a file larger than the loader accepts (checked before reading it).
  /// The size is that of the path itself, as `lstat` gives it (a symbolic link is not followed).
  static func isTooLarge(_ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return false }
    return Int64(status.st_size) > Int64(XMLDocumentLoader.maximumSize)
  }
}
