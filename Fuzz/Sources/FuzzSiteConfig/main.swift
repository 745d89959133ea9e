import Basics
import Diagnostics
import Foundation
import FuzzSupport
import Content

// `site.yml` → the site's settings.
// - Diagnostics point into site.yml, at a line and column it has (LocationCheck).
// - The config is always usable, errors or not: a base URL that is absolute http(s) and ends
//   with `/`, at least one article per listing page, a comment depth of at least one, a collapse
//   length of zero or more, and URL folders made of valid slug segments; without errors the
//   three folders differ.
// - Parsing is deterministic.
FuzzDriver.run { data in
    let text = FuzzInput.text(data)
    let (config, diagnostics) = SiteConfig.parse(yaml: text)
    let lines = SourceText(text)

    for diagnostic in diagnostics {
        guard let location = diagnostic.location else {
            Invariant.require(false, "diagnostic without a location: \(diagnostic)")
            continue
        }
        Invariant.require(location.file == "site.yml", "diagnostic in another file: \(diagnostic)")
        LocationCheck.require(location, in: lines, "\(diagnostic)")
    }

    Invariant.require(SiteConfig.normalizedBaseURL(config.baseURL) == config.baseURL,
                      "base URL \(config.baseURL.debugDescription) is not a normalized http(s) URL")
    Invariant.require(config.paginate >= 1, "paginate \(config.paginate)")
    Invariant.require(config.comments.maxDepth >= 1, "comments.maxDepth \(config.comments.maxDepth)")
    Invariant.require(config.comments.collapseAfter >= 0, "comments.collapseAfter \(config.comments.collapseAfter)")
    let folders = [config.paths.tags, config.paths.authors, config.paths.columns]
    for folder in folders {
        let segments = folder.split(separator: "/", omittingEmptySubsequences: false)
        Invariant.require(!folder.isEmpty && segments.allSatisfy { Slug.isValidSegment(String($0)) },
                          "URL folder \(folder.debugDescription) accepted")
    }
    if !diagnostics.contains(where: { $0.severity == .error }) {
        Invariant.require(Set(folders).count == folders.count, "URL folders \(folders) are not distinct")
    }

    let again = SiteConfig.parse(yaml: text)
    Invariant.require(again.config == config && again.diagnostics == diagnostics, "two parses differ: \(diagnostics) vs \(again.diagnostics)")
}
