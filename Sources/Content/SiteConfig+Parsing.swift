import Basics
import Diagnostics
import Foundation
import Yams

extension SiteConfig {
    /// The top-level keys of `site.yml` (docs/site-yml.md).
    public static let knownKeys = ["title", "baseURL", "language", "timezone", "paginate", "paths", "comments", "footer", "mostDiscussed", "embeds", "share", "colors", "search", "images"]

    /// Parses the text of `site.yml`. Missing keys take their defaults; a broken value is an
    /// error at its `file:line:col` and leaves the default in place, so the returned config is
    /// always usable (the build stops on errors all the same). Unknown keys are warnings.
    public static func parse(yaml text: String, file: String = "site.yml") -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let text = FrontMatterBlock.normalized(text)
        let source = YAMLSource(file: file, text: text, lineOffset: 0, followedByLine: false)
        var config = SiteConfig()
        let root: Node?
        switch source.compose() {
        case let .success(node): root = node
        case let .failure(diagnostic): return (config, [diagnostic.withSourceLine(from: text)])
        }
        var reader = YAMLReader(source: source)
        if let root, !YAMLReader.isNull(root),
           let fields = reader.entries(of: root, known: knownKeys, what: "site.yml") {
            config.read(fields, with: &reader)
        }
        let diagnostics = DiagnosticList.sorted(reader.diagnostics).map { $0.withSourceLine(from: text) }
        return (config, diagnostics)
    }

    /// `url` as a base URL ending with `/`, or nil unless it is an absolute http(s) URL.
    public static func normalizedBaseURL(_ url: String) -> String? {
        var url = url.trimmingCharacters(in: .whitespaces)
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty,
              parsed.query == nil, parsed.fragment == nil
        else { return nil }
        if !url.hasSuffix("/") { url += "/" }
        return url
    }

    private mutating func read(_ fields: [String: YAMLEntry], with reader: inout YAMLReader) {
        if let entry = fields["title"], let value = reader.requiredText(entry) { title = value }
        if let entry = fields["baseURL"], let value = reader.requiredText(entry) {
            if let url = Self.normalizedBaseURL(value) {
                baseURL = url
            } else {
                reader.error("'baseURL' must be an absolute http(s) URL, not \"\(value)\"", at: entry.value,
                             hint: "e.g. https://magazin.example/")
            }
        }
        if let entry = fields["language"], let value = reader.requiredText(entry) { language = value }
        if let entry = fields["timezone"], let value = reader.requiredText(entry) {
            if let zone = TimeZone(identifier: value) {
                timeZone = zone
            } else {
                let suggestion = Suggestion.closest(to: value, in: TimeZone.knownTimeZoneIdentifiers)
                reader.error("'timezone' is not a known time zone: \"\(value)\"", at: entry.value,
                             hint: suggestion.map { "did you mean '\($0)'?" } ?? "e.g. Europe/Berlin")
            }
        }
        if let entry = fields["paginate"], let value = reader.int(entry, minimum: 1) { paginate = value }
        if let entry = fields["paths"] { paths.read(entry, with: &reader) }
        if let entry = fields["comments"] { comments.read(entry, with: &reader) }
        if let entry = fields["footer"] { footer = reader.text(entry) ?? "" }
        if let entry = fields["mostDiscussed"] { mostDiscussed.read(entry, with: &reader) }
        if let entry = fields["embeds"] { automaticEmbeds = Self.automaticEmbeds(entry, with: &reader) }
        if let entry = fields["colors"] { colors.read(entry, with: &reader) }
        if let entry = fields["search"] { search.read(entry, with: &reader) }
        if let entry = fields["images"] { images.read(entry, with: &reader) }
        if let entry = fields["share"], let names = reader.list(entry) {
            let known = ShareTarget.allCases.map(\.rawValue)
            share = names.compactMap { name in
                if let target = ShareTarget(rawValue: name) { return target }
                reader.error("'share' has an unknown target \"\(name)\"", at: entry.value,
                             hint: Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" }
                                ?? "the targets are \(known.joined(separator: ", "))")
                return nil
            }
        }
    }

    /// The keys under `embeds:`, and those of each rule of `embeds.auto`.
    public static let embedsKeys = ["auto"]
    public static let automaticEmbedKeys = ["after", "teaser", "slot"]

    /// `embeds: {auto: [{after: 2, teaser: related}, {after: 6, slot: promo}]}`.
    private static func automaticEmbeds(_ entry: YAMLEntry, with reader: inout YAMLReader) -> [AutomaticEmbed] {
        if YAMLReader.isNull(entry.value) { return [] }
        guard let fields = reader.entries(of: entry.value, known: embedsKeys, prefix: "embeds.", what: "'embeds'"),
            let auto = fields["auto"], !YAMLReader.isNull(auto.value)
        else { return [] }
        guard case let .sequence(rules) = auto.value else {
            reader.error("'embeds.auto' must be a list of rules like '- {after: 2, teaser: related}'", at: auto.value)
            return []
        }
        var result: [AutomaticEmbed] = []
        for rule in rules {
            guard let fields = reader.entries(of: rule, known: automaticEmbedKeys, prefix: "embeds.auto.", what: "each rule of 'embeds.auto'")
            else { continue }
            let example = "e.g. '- {after: 2, teaser: related}' or '- {after: 6, slot: promo}'"
            guard let afterField = fields["after"] else {
                reader.error("a rule of 'embeds.auto' needs 'after:', the paragraph it follows", at: rule, hint: example)
                continue
            }
            guard let after = reader.int(afterField, minimum: 1) else { continue }
            switch (fields["teaser"], fields["slot"]) {
            case let (teaser?, nil):
                guard let value = reader.requiredText(teaser) else { continue }
                guard value == "related" else {
                    reader.error("'embeds.auto.teaser' can only be 'related', not \"\(value)\"", at: teaser.value,
                                 hint: "'related' places the article's first related article that no earlier rule placed")
                    continue
                }
                result.append(AutomaticEmbed(after: after, content: .related, location: reader.source.location(of: teaser.value)))
            case let (nil, slot?):
                guard let name = reader.requiredText(slot) else { continue }
                result.append(AutomaticEmbed(after: after, content: .slot(name), location: reader.source.location(of: slot.value)))
            default:
                reader.error("a rule of 'embeds.auto' needs either 'teaser:' or 'slot:'", at: rule, hint: example)
            }
        }
        return result
    }
}

extension SiteConfig.Paths {
    /// The keys under `paths:`.
    public static let knownKeys = ["tags", "authors", "columns"]

    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        if YAMLReader.isNull(entry.value) { return }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "paths.", what: "'paths'") else {
            return
        }
        func folder(_ key: String) -> String? {
            guard let field = fields[key], let raw = reader.requiredText(field) else { return nil }
            let value = raw.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let segments = value.split(separator: "/", omittingEmptySubsequences: false)
            guard !value.isEmpty, segments.allSatisfy({ Slug.isValidSegment(String($0)) }) else {
                reader.error("'\(field.name)' must be a URL folder like '\(key)', not \"\(raw)\"", at: field.value)
                return nil
            }
            return value
        }
        if let value = folder("tags") { tags = value }
        if let value = folder("authors") { authors = value }
        if let value = folder("columns") { columns = value }
        let all = [tags, authors, columns]
        if Set(all).count < all.count {
            reader.error("'paths' must name three different folders", at: entry.key,
                         hint: "tags, authors and columns each need their own URL folder")
        }
    }
}

extension SiteConfig.Search {
    /// The keys under `search:`.
    public static let knownKeys = ["page"]

    /// `search: true`, `search: false`, or `search: {page: suche}` (on). An empty `search:` turns it on.
    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        enabled = true
        if YAMLReader.isNull(entry.value) { return }
        if case .scalar = entry.value {
            if let value = reader.bool(entry) { enabled = value }
            return
        }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "search.", what: "'search'") else { return }
        if let field = fields["page"], let raw = reader.requiredText(field) {
            let value = raw.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if !value.isEmpty, value.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ Slug.isValidSegment(String($0)) }) {
                page = value
            } else {
                reader.error("'search.page' must be a URL folder like 'suche', not \"\(raw)\"", at: field.value)
            }
        }
    }
}

extension SiteConfig.Images {
    /// The keys under `images:`.
    public static let knownKeys = ["widths", "avif", "originals"]

    /// `images: {widths: [480, 800, 1200], avif: true, originals: false}`.
    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        if YAMLReader.isNull(entry.value) { return }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "images.", what: "'images'") else { return }
        if let field = fields["widths"], let list = reader.list(field) {
            let numbers = list.map { Int($0) }
            if !list.isEmpty, numbers.allSatisfy({ ($0 ?? 0) >= 16 && ($0 ?? 0) <= 8192 }) {
                widths = Set(numbers.compactMap { $0 }).sorted()
            } else {
                reader.error(
                    "'images.widths' must be a list of widths in pixels from 16 to 8192, not [\(list.joined(separator: ", "))]",
                    at: field.value, hint: "e.g. [480, 800, 1200, 1600, 2400]")
            }
        }
        if let field = fields["avif"], let value = reader.bool(field) { avif = value }
        if let field = fields["originals"], let value = reader.bool(field) { originals = value }
    }
}

extension SiteConfig.MostDiscussed {
    /// The keys under `mostDiscussed:`.
    public static let knownKeys = ["days", "count"]

    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        if YAMLReader.isNull(entry.value) { return }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "mostDiscussed.", what: "'mostDiscussed'")
        else { return }
        if let field = fields["days"], let value = reader.int(field, minimum: 1) { days = value }
        if let field = fields["count"], let value = reader.int(field, minimum: 0) { count = value }
    }
}

extension SiteConfig.CommentSettings {
    /// The keys under `comments:`.
    public static let knownKeys = ["order", "maxDepth", "collapseAfter", "notice", "anonymous"]

    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        if YAMLReader.isNull(entry.value) { return }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "comments.", what: "'comments'")
        else { return }
        if let field = fields["order"],
           let value = reader.choice(field, of: Order.allCases.map(\.rawValue)).flatMap(Order.init(rawValue:)) {
            order = value
        }
        if let field = fields["maxDepth"], let value = reader.int(field, minimum: 1) { maxDepth = value }
        if let field = fields["collapseAfter"], let value = reader.int(field, minimum: 0) { collapseAfter = value }
        if let field = fields["notice"] { notice = reader.text(field) ?? "" }
        if let field = fields["anonymous"], let value = reader.requiredText(field) { anonymous = value }
    }
}

extension SiteConfig.Colors {
    /// The keys under `colors:`.
    public static let knownKeys = ["theme", "background"]

    fileprivate mutating func read(_ entry: YAMLEntry, with reader: inout YAMLReader) {
        if YAMLReader.isNull(entry.value) { return }
        guard let fields = reader.entries(of: entry.value, known: Self.knownKeys, prefix: "colors.", what: "'colors'") else { return }
        func color(_ key: String) -> String? {
            guard let field = fields[key], let value = reader.requiredText(field) else { return nil }
            let hex = value.dropFirst()
            guard value.hasPrefix("#"), [3, 6].contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
                reader.error("'\(field.name)' must be a colour like \"#a3142a\", not \"\(value)\"", at: field.value)
                return nil
            }
            return value
        }
        if let value = color("theme") { theme = value }
        if let value = color("background") { background = value }
    }
}
