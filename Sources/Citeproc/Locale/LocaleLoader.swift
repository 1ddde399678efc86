import Foundation

/// Finds locale files (built in, or in a directory such as the official locales repository) and
/// merges them with a style's overrides in the order the CSL specification gives.
public struct LocaleLoader: Sendable {
  /// A folder holding `locales-TAG.xml` files, searched before the built-in locales.
  public var directory: String?

  public init(directory: String? = nil) {
    self.directory = directory
  }

  /// The default region of a bare language code.
  static let primaryDialects: [String: String] = [
    "af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "cy": "cy-GB", "da": "da-DK",
    "de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "eu": "eu", "fa": "fa-IR",
    "fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU", "id": "id-ID", "is": "is-IS",
    "it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV",
    "mn": "mn-MN", "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO",
    "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE", "th": "th-TH", "tr": "tr-TR",
    "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
  ]

  /// The merged locale for `style`, in `language` (or the style's default, or en-US).
  public func locale(for style: Style, language requested: String? = nil) -> (Locale, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let language = requested ?? style.defaultLocale ?? "en-US"
    let baseLanguage = String(language.split(separator: "-").first ?? "")
    let full = language.contains("-") ? language : (Self.primaryDialects[language] ?? language)

    var layers: [LocaleDefinition] = []
    if let english = definition(for: "en-US", diagnostics: &diagnostics) { layers.append(english) }
    var found = full == "en-US"
    if full != "en-US" {
      if let primary = Self.primaryDialects[baseLanguage], primary != full, primary != "en-US",
        let definition = definition(for: primary, diagnostics: &diagnostics)
      {
        layers.append(definition)
        found = true
      }
      if let exact = definition(for: full, diagnostics: &diagnostics) {
        layers.append(exact)
        found = true
      }
    }
    if !found {
      diagnostics.append(
        .warning("no locale file for '\(language)'; using en-US (pass --locales DIR)", file: "<locale>"))
    }
    // Style overrides: no language, then the bare language, then the exact language.
    for override in style.localeOverrides where override.language == nil { layers.append(override) }
    for override in style.localeOverrides where override.language == baseLanguage && baseLanguage != language
    {
      layers.append(override)
    }
    for override in style.localeOverrides
    where override.language == language || override.language == full && full != baseLanguage {
      layers.append(override)
    }
    return (Locale(language: full, layers: layers), diagnostics)
  }

  private func definition(for tag: String, diagnostics: inout [Diagnostic]) -> LocaleDefinition? {
    var bytes: [UInt8]?
    var file = "<built-in>/locales-\(tag).xml"
    if let directory {
      let path = (directory as NSString).appendingPathComponent("locales-\(tag).xml")
      if let data = FileManager.default.contents(atPath: path) {
        bytes = Array(data)
        file = path
      }
    }
    if bytes == nil, let text = BuiltInResources.locales[tag] { bytes = Array(text.utf8) }
    guard let bytes else { return nil }
    do {
      let root = try XMLDocumentLoader.parse(bytes, file: file)
      var compiler = LocaleCompiler(file: file)
      let definition = compiler.compile(root)
      diagnostics += compiler.diagnostics.filter { $0.severity == .error }
      return definition
    } catch {
      diagnostics.append(error)
      return nil
    }
  }
}
