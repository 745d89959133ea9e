import Basics
import Diagnostics
import Foundation
import Yams

/// Reads and checks each front matter field (README, "Writing an article"), collecting every problem.
struct FrontMatterReader {
    var yaml: YAMLReader
    var timeZone: TimeZone
    /// The opening `---` line: where a missing key is reported.
    var opening: SourceLocation

    /// The front matter of `root` (nil for empty YAML); nil if a required field is missing or broken.
    mutating func read(_ root: Node?) -> FrontMatter? {
        var fields: [String: YAMLEntry] = [:]
        if let root, !YAMLReader.isNull(root) {
            guard let entries = yaml.entries(of: root, known: FrontMatterParser.knownKeys, what: "the front matter")
            else { return nil }
            fields = entries
        }

        let zone = timeZone
        let title = required("title", in: fields) { $0.requiredText($1) }
        let teaser = required("teaser", in: fields) { $0.requiredText($1) }
        let date = required("date", in: fields) { $0.date($1, timeZone: zone) }
        let updated = fields["updated"].flatMap { yaml.date($0, timeZone: zone) }
        let authors = readAuthors(fields)
        let column = yaml.optionalText(fields["column"])
        let tags = fields["tags"].flatMap { yaml.list($0) } ?? []
        let image = fields["image"].flatMap { yaml.image($0) }
        let related = fields["related"].flatMap { readRelated($0) } ?? []
        let comments = fields["comments"].flatMap {
            yaml.choice($0, of: CommentMode.allCases.map(\.rawValue)).flatMap(CommentMode.init(rawValue:))
        }
        let featured = fields["featured"].flatMap { yaml.bool($0) } ?? false
        let draft = fields["draft"].flatMap { yaml.bool($0) } ?? false
        let slug = fields["slug"].flatMap { readSlug($0) }
        let aliases = fields["aliases"].flatMap { readAliases($0) } ?? []
        let kicker = yaml.optionalText(fields["kicker"])
        let wordpressID = fields["wordpress_id"].flatMap { yaml.int($0, minimum: 1) }

        if let date, let updated, let entry = fields["updated"], updated < date {
            yaml.diagnostics.append(.warning(at: yaml.source.location(of: entry.value),
                                             "'updated' is before 'date'"))
        }
        guard let title, let teaser, let date, let authors else { return nil }
        return FrontMatter(
            title: title, teaser: teaser, date: date, updated: updated, authors: authors, column: column,
            tags: tags, image: image, related: related, comments: comments ?? .open, featured: featured,
            draft: draft, slug: slug, aliases: aliases, kicker: kicker, wordpressID: wordpressID)
    }

    /// The value of a required key; a missing key is an error at the opening line.
    private mutating func required<T>(
        _ key: String, in fields: [String: YAMLEntry], hint: String? = nil,
        _ read: (inout YAMLReader, YAMLEntry) -> T?
    ) -> T? {
        guard let entry = fields[key] else {
            yaml.diagnostics.append(.error(at: opening, "missing required key '\(key)'", hint: hint))
            return nil
        }
        return read(&yaml, entry)
    }

    private mutating func readAuthors(_ fields: [String: YAMLEntry]) -> [String]? {
        if fields["authors"] != nil, let single = fields["author"] {
            yaml.error("use either 'authors' or 'author', not both", at: single.key)
            return nil
        }
        let key = fields["author"] != nil ? "author" : "authors"
        let authors = required(key, in: fields, hint: "or 'author: Name' for a single author") { $0.list($1) }
        if let authors, authors.isEmpty, let entry = fields[key] {
            yaml.error("'\(key)' must name at least one author", at: entry.value)
            return nil
        }
        return authors
    }

    /// The keys under `image:`.
    static let imageKeys = ["src", "alt", "caption", "credit", "focus"]

    /// Content paths, written with or without surrounding slashes: `politik/foo`.
    private mutating func readRelated(_ entry: YAMLEntry) -> [String]? {
        guard let paths = yaml.list(entry) else { return nil }
        let trimmed = paths.map { path in
            let utf8 = path.utf8
            guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: "/") }),
                let last = utf8.lastIndex(where: { $0 != UInt8(ascii: "/") })
            else { return "" }
            return String(path[start...last])
        }
        if trimmed.contains(where: \.isEmpty) {
            yaml.error("'related' entries are content paths like politik/other-article", at: entry.value)
            return nil
        }
        return trimmed
    }

    private mutating func readSlug(_ entry: YAMLEntry) -> String? {
        guard let slug = yaml.requiredText(entry) else { return nil }
        guard Slug.isValidSegment(slug) else {
            yaml.error("'slug' must be one URL path segment, not \"\(slug)\"", at: entry.value,
                       hint: "no '/', no '..', no spaces; e.g. '\(Slug.make(slug))'")
            return nil
        }
        return slug
    }

    /// Old URL paths on this site: start with `/`, no `..` segments.
    private mutating func readAliases(_ entry: YAMLEntry) -> [String]? {
        guard let aliases = yaml.list(entry) else { return nil }
        for alias in aliases where !Self.isValidAlias(alias) {
            yaml.error("alias \"\(alias)\" must be a path on this site", at: entry.value,
                       hint: "start with '/', no '..' segments; e.g. /old/url.html")
            return nil
        }
        return aliases
    }

    static func isValidAlias(_ alias: String) -> Bool {
        guard alias.hasPrefix("/"), !alias.hasPrefix("//"), !alias.contains("\\") else { return false }
        return !alias.split(separator: "/").contains { $0 == ".." || $0 == "." }
            && !alias.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }
}

extension YAMLReader {
    /// A date (see ``ContentDate``); nil with an error otherwise.
    mutating func date(_ entry: YAMLEntry, timeZone: TimeZone) -> Date? {
        guard let raw = text(entry) else {
            if YAMLReader.isNull(entry.value) {
                error("'\(entry.name)' must not be empty", at: entry.value, hint: ContentDate.formatHint)
            }
            return nil
        }
        guard let date = ContentDate.parse(raw, timeZone: timeZone) else {
            error("'\(entry.name)' is not a date: \"\(raw)\"", at: entry.value, hint: ContentDate.formatHint)
            return nil
        }
        return date
    }
}

extension YAMLReader {
    /// A picture with `src`, `alt`, `credit` (all required: photo credits are a legal
    /// obligation) and an optional `caption`: the lead image of an article, the picture of a
    /// section or column profile.
    mutating func image(_ entry: YAMLEntry) -> LeadImage? {
        if YAMLReader.isNull(entry.value) { return nil }
        guard let fields = entries(of: entry.value, known: FrontMatterReader.imageKeys, prefix: "image.", what: "'image'") else {
            return nil
        }
        func part(_ key: String, hint: String, reader: inout YAMLReader) -> String? {
            guard let field = fields[key] else {
                reader.error("'image' needs '\(key)'", at: entry.key, hint: hint)
                return nil
            }
            return reader.requiredText(field)
        }
        let src = part("src", hint: "the picture: a file in the bundle, a /static path or an https URL", reader: &self)
        let alt = part("alt", hint: "describe what the picture shows, for readers who cannot see it", reader: &self)
        var credit: String?
        if fields["credit"] == nil, let src, let embedded = pictureCredit?(src) {
            // An agency photo names its photographer and agency in its IPTC or XMP metadata.
            warning(
                "'image' has no 'credit': '\(embedded)' is taken from the picture's metadata", at: entry.key,
                hint: "write it as 'credit:' to keep it whatever becomes of the file")
            credit = embedded
        } else {
            let hint = "licensing demands a credit for every image" + (pictureCredit == nil ? "" : ", here or in the picture's IPTC or XMP metadata")
            credit = part("credit", hint: hint, reader: &self)
        }
        let caption = optionalText(fields["caption"])
        var focus: LeadImage.Focus?
        if let field = fields["focus"] { focus = self.focus(field) }
        guard let src, let alt, let credit else { return nil }
        return LeadImage(src: src, alt: alt, caption: caption, credit: credit, focus: focus)
    }

    /// `focus: [x, y]`, two fractions from 0 to 1; nil with an error otherwise.
    private mutating func focus(_ entry: YAMLEntry) -> LeadImage.Focus? {
        if YAMLReader.isNull(entry.value) { return nil }
        if case let .sequence(items) = entry.value, items.count == 2,
            case let .scalar(first) = items[0], case let .scalar(second) = items[1],
            let x = Double(first.string), let y = Double(second.string),
            (0...1).contains(x), (0...1).contains(y) {
            return LeadImage.Focus(x: x, y: y)
        }
        error(
            "'image.focus' must be two fractions from 0 to 1, [x, y]", at: entry.value,
            hint: "the point crops keep in view, from the top left corner: [0.5, 0.3] is the middle, a third from the top")
        return nil
    }
}
