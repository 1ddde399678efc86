import Foundation
import PackagePlugin

/// Embeds the built-in styles (`Styles/*.csl`) and locales (`Styles/locales/*.xml`) into the library
/// as Swift string literals, so an installed binary works from any folder.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let styles = try files(in: root.appending(path: "Styles"), ending: ".csl")
    let locales = try files(in: root.appending(path: "Styles/locales"), ending: ".xml")
    let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInResources.swift")
    var arguments = [output.path()]
    arguments += styles.map { "style=" + $0.path() }
    arguments += locales.map { "locale=" + $0.path() }
    return [
      .buildCommand(
        displayName: "Embedding \(styles.count) styles and \(locales.count) locales",
        executable: try context.tool(named: "EmbedResources").url,
        arguments: arguments,
        inputFiles: styles + locales,
        outputFiles: [output]
      )
    ]
  }

  private func files(in directory: URL, ending suffix: String) throws -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path())) ?? []
    return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory.appending(path: $0) }
  }
}
