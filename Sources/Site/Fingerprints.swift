import Basics
import Foundation

/// Fingerprinted assets. Every CSS and JavaScript file in `static/` is published twice: under
/// its own name and under a name that carries a digest of its content
/// (`css/style.css` → `css/style.3f9a0c41d2.css`). A fingerprinted file never changes, so
/// browsers and CDNs may keep it for a year; templates link it with the `asset_url` filter,
/// which knows the current name, so a changed stylesheet needs no edit to any template.
public enum Fingerprints {
    /// The extensions of fingerprinted files.
    static let extensions: Set<String> = ["css", "js", "mjs"]
    /// Hex digits of the content digest in a fingerprinted name.
    static let length = 10

    /// Whether the file at `path` (e.g. `static/css/style.css`) is one `asset_url` links.
    public static func isAsset(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Site path → fingerprinted site path for the CSS and JavaScript files in `static/` of
    /// `site`; without `fingerprinting`, each file's own site path.
    static func of(site: URL, fingerprinting: Bool = true) -> [String: String] {
        let folder = site.appendingPathComponent(SiteLayout.staticFiles).standardizedFileURL.path
        var assets: [String: String] = [:]
        for file in SiteFiles.list(URL(fileURLWithPath: folder, isDirectory: true)) where isAsset(file) {
            guard fingerprinting else {
                assets["/" + file] = "/" + file
                continue
            }
            guard let dot = file.lastIndex(of: "."), let data = FileManager.default.contents(atPath: folder + "/" + file)
            else { continue }
            let fingerprint = Digest.of(data).description.prefix(length)
            assets["/" + file] = "/" + file[..<dot] + "." + fingerprint + file[dot...]
        }
        return assets
    }
}
