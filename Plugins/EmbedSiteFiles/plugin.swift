import Foundation
import PackagePlugin

/// Carries the default theme (`templates/`, `static/css/`, `static/js/`, the icons), the demo magazine
/// (`site.yml`, `content/`, `pages/`, `authors/`, `static/img/`) and the starter site (`starter/`) inside the magbuild binary, so that
/// `magbuild init` works wherever the binary is copied. Runs `EmbedFiles` whenever one of
/// those files changes.
@main struct EmbedSiteFiles: BuildToolPlugin {
    /// Name inside the binary → path in the package. The theme is the templates, the
    /// stylesheet, the scripts and the icons; `static/img/` holds pictures of the demo's articles.
    static let roots = [
        ("theme/templates", "templates"), ("theme/static/css", "static/css"), ("theme/static/js", "static/js"),
        ("theme/static/favicon.ico", "static/favicon.ico"), ("theme/static/favicon.svg", "static/favicon.svg"),
        ("theme/static/apple-touch-icon.png", "static/apple-touch-icon.png"), ("theme/static/icon-192.png", "static/icon-192.png"),
        ("demo/site.yml", "site.yml"), ("demo/content", "content"), ("demo/pages", "pages"), ("demo/authors", "authors"), ("demo/static/img", "static/img"),
        ("starter", "starter"),
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var inputs: [URL] = []
        for (_, path) in Self.roots {
            let url = package.appending(path: path)
            let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            var any = false
            while let file = files?.nextObject() as? URL {
                inputs.append(file)
                any = true
            }
            if !any { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme, the demo magazine and the starter site",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path] + Self.roots.map { "\($0.0)=\(package.appending(path: $0.1).path)" },
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }
}
