import Basics
import Diagnostics
import Foundation
import FuzzSupport
@testable import Content

// An article file → front matter and Markdown body.
// - Diagnostics point into this file, at a line and column it has (LocationCheck); errors and a
//   front matter exclude each other.
// - The body is the text after the closing `---`, starting at `bodyLine`.
// - What passes validation is what front matter allows: slug one safe segment, aliases site paths,
//   related entries content paths, at least one author.
// - Parsing is deterministic, and slugs made from the title are valid segments.
let file = "content/politik/fuzz/index.md"
let zone = TimeZone(identifier: "Europe/Berlin") ?? .current

FuzzDriver.run { data in
    let text = FuzzInput.text(data)
    let output = FrontMatterParser.parse(text: text, file: file, timeZone: zone)
    let fileLines = SourceText(text)
    let normalized = FrontMatterBlock.normalized(text)
    // Lines split at `\n` bytes (as a Character, `\r\n` would be one line ending too).
    let lines = normalized.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)

    for diagnostic in output.diagnostics {
        guard let location = diagnostic.location else {
            Invariant.require(false, "diagnostic without a location: \(diagnostic)")
            continue
        }
        Invariant.require(location.file == file, "diagnostic in another file: \(diagnostic)")
        LocationCheck.require(location, in: fileLines, "\(diagnostic)")
    }
    Invariant.require((output.frontMatter == nil) == output.hasErrors || output.frontMatter == nil,
                      "a front matter came back together with errors")
    if output.frontMatter == nil {
        Invariant.require(output.hasErrors, "no front matter and no error")
    }

    if !output.body.isEmpty {
        Invariant.require(output.bodyLine >= 1 && output.bodyLine <= lines.count, "body line \(output.bodyLine) of \(lines.count)")
        let expected = Array(lines.dropFirst(output.bodyLine - 1).joined(separator: [UInt8(ascii: "\n")]))
        Invariant.require(expected == Array(output.body.utf8), "the body is not the text from line \(output.bodyLine) on")
    }

    if let frontMatter = output.frontMatter {
        Invariant.require(!frontMatter.authors.isEmpty, "no authors")
        if let slug = frontMatter.slug { Invariant.require(Slug.isValidSegment(slug), "slug \(slug.debugDescription) accepted") }
        for alias in frontMatter.aliases {
            Invariant.require(FrontMatterReader.isValidAlias(alias), "alias \(alias.debugDescription) accepted")
            Invariant.require(!alias.split(separator: "/").contains(".."), "alias \(alias.debugDescription) leaves the site")
        }
        for path in frontMatter.related {
            Invariant.require(!path.isEmpty && !path.hasPrefix("/") && !path.hasSuffix("/"), "related \(path.debugDescription)")
        }
        let made = Slug.make(frontMatter.title)
        Invariant.require(Slug.isValidSegment(made), "Slug.make(\(frontMatter.title.debugDescription)) = \(made.debugDescription)")
    }

    let again = FrontMatterParser.parse(text: text, file: file, timeZone: zone)
    Invariant.require(again.frontMatter == output.frontMatter && again.diagnostics == output.diagnostics, "two parses differ")
}
