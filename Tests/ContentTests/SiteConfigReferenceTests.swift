import Foundation
import Testing
@testable import Content

/// `docs/site-yml.md` lists every key `site.yml` accepts, and nothing else.
@Suite struct SiteConfigReferenceTests {
    private static let reference = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/site-yml.md")

    /// The keys in the first column of the reference's table: `` | `comments.order` | ``.
    private func documentedKeys() throws -> Set<String> {
        let text = try String(contentsOf: Self.reference, encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let key = line.dropFirst(3).prefix { $0 != "`" }
            return key.isEmpty ? nil : String(key)
        })
    }

    private var keysInCode: Set<String> {
        Set(SiteConfig.knownKeys)
            .union(SiteConfig.Paths.knownKeys.map { "paths." + $0 })
            .union(SiteConfig.CommentSettings.knownKeys.map { "comments." + $0 })
            .union(SiteConfig.MostDiscussed.knownKeys.map { "mostDiscussed." + $0 })
            .union(SiteConfig.embedsKeys.map { "embeds." + $0 })
            .union(SiteConfig.Colors.knownKeys.map { "colors." + $0 })
            .union(SiteConfig.Search.knownKeys.map { "search." + $0 })
            .union(SiteConfig.Images.knownKeys.map { "images." + $0 })
            .union(SiteConfig.automaticEmbedKeys.map { "embeds.auto[]." + $0 })
    }

    @Test func everyKeyIsDocumentedAndNoOther() throws {
        let documented = try documentedKeys()
        #expect(documented.count > 10)
        #expect(keysInCode.subtracting(documented).isEmpty, "not in docs/site-yml.md: \(keysInCode.subtracting(documented).sorted())")
        #expect(documented.subtracting(keysInCode).isEmpty, "documented but unknown: \(documented.subtracting(keysInCode).sorted())")
    }

    @Test func theDocumentedDefaultsAreTheCodes() throws {
        let text = try String(contentsOf: Self.reference, encoding: .utf8)
        let defaults = SiteConfig()
        for (key, value) in [
            ("title", defaults.title), ("baseURL", defaults.baseURL), ("language", defaults.language),
            ("timezone", defaults.timeZone.identifier), ("paginate", String(defaults.paginate)),
            ("paths.tags", defaults.paths.tags), ("paths.authors", defaults.paths.authors),
            ("paths.columns", defaults.paths.columns), ("comments.order", defaults.comments.order.rawValue),
            ("comments.maxDepth", String(defaults.comments.maxDepth)),
            ("comments.collapseAfter", String(defaults.comments.collapseAfter)),
            ("images.widths", "[" + defaults.images.widths.map(String.init).joined(separator: ", ") + "]"),
            ("images.avif", String(defaults.images.avif)), ("images.originals", String(defaults.images.originals)),
        ] {
            let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(key)` |") } ?? ""
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count >= 3 && cells[2] == "`\(value)`", "\(key): \(row)")
        }
    }
}
