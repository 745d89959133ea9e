import Basics
import Foundation

/// A small magazine held as data, edited at random and written to a folder: the subject of
/// the differential test. Every file of the site is derived from this model, and only files
/// whose bytes changed are written, so builds see real, minimal edits.
struct RandomSite {
    struct Comment {
        var id: Int
        var parent: Int?
        var text: String
        var status: String
    }

    struct Article {
        let id: Int
        var section: String
        var bundle: Bool
        var title: String
        var teaser: String
        /// Days from the test's epoch; may lie ahead of the build's clock.
        var day: Int
        var tags: [String]
        var authors: [String]
        /// Ids of related articles.
        var related: [Int]
        var slugOverride: Bool
        var aliases: [Int]
        var draft: Bool
        var paragraphs: [String]
        var comments: [Comment]?
        /// Lead image size (bundles only).
        var image: (width: Int, height: Int)?
        /// The front matter has a typo, so the site does not build until it is fixed.
        var broken = false
        var kicker: String?
        /// Ids of articles embedded as teaser boxes after the first paragraph.
        var embedded: [Int] = []
        /// Whether the body places the `promo` slot.
        var slot = false
        /// Pixel size of a body figure (bundles only).
        var figure: (width: Int, height: Int)?

        var slug: String { "artikel-\(id)" + (slugOverride ? "-neu" : "") }
        var folderName: String { "artikel-\(id)" }
        var contentPath: String { section + "/" + slug }
    }

    static let sections = ["politik", "kultur", "wissen", "kolumnen/am-rand"]
    static let tagWords = ["Äpfel", "Wahl", "Klima", "Kunst", "Bürgergeld", "Oper"]
    static let authorNames = ["Erika Muster", "Max Beispiel", "Zoë Öztürk"]
    static let words = ["Haus", "Baum", "Stadt", "Fluss", "Wolke", "Brücke", "Zug", "Markt", "Rathaus", "Feld"]

    var rng: SplitMix64
    var articles: [Int: Article] = [:]
    var nextID = 0
    var templateVersion: [String: Int] = [:]
    var siteTitle = "Zufallsmagazin"
    /// The site lives under this path of its host ("" at the root).
    var rootPath = ""
    /// Section profiles (`_index.md`) by section: title (nil: the folder's name), weight, intro.
    var profiles: [String: (title: String?, weight: Int, intro: String)] = [:]
    /// Author profiles by author name: role and bio.
    var authorProfiles: [String: (role: String, bio: String)] = [:]
    /// Plain pages by name: title, menu (nil, "header" or "footer"), weight, noindex.
    var pages: [String: (title: String, menu: String?, weight: Int, noindex: Bool)] = [
        "impressum": ("Impressum", "footer", 1, false),
    ]
    var paginate = 2
    /// Whether `site.yml` places the first related article and the `promo` slot automatically.
    var autoEmbeds = false
    /// Whether `site.yml` turns site search on.
    var search = true
    /// The widths of picture derivatives in `site.yml`.
    var pictureWidths = [64, 128, 256]
    /// Whether `site.yml` publishes bundles' original pictures too.
    var originals = false
    var statics: [String: String] = ["css/style.css": "body { color: black; }\n"]
    /// Days the build's clock stands after the epoch.
    var today = 30

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        for _ in 0..<10 { addArticle() }
    }

    // MARK: edits

    mutating func addArticle() {
        let id = nextID
        nextID += 1
        let bundle = rng.chance(0.7)
        var article = Article(
            id: id, section: rng.pick(Self.sections), bundle: bundle, title: "Titel \(id)", teaser: "Teaser \(id).",
            day: rng.int(0..<(today + 3)), tags: rng.subset(Self.tagWords, max: 2), authors: [rng.pick(Self.authorNames)],
            related: [], slugOverride: false, aliases: [], draft: rng.chance(0.1),
            paragraphs: (0..<rng.int(1..<4)).map { _ in sentence() }, comments: nil,
            image: bundle && rng.chance(0.6) ? (rng.int(40..<300), rng.int(30..<200)) : nil, broken: false)
        if rng.chance(0.5) { article.comments = (0..<rng.int(0..<4)).map { comment($0, parent: nil) } }
        articles[id] = article
    }

    /// One random edit; returns its name, for the failure message.
    mutating func edit() -> String {
        if let broken = articles.values.first(where: \.broken) {
            articles[broken.id]?.broken = false
            return "fix the typo in \(broken.id)"
        }
        let roll = rng.int(0..<100)
        guard let id = articles.keys.sorted().randomElement(using: &rng) else {
            addArticle()
            return "add article"
        }
        func change(_ name: String, _ body: (inout Article) -> Void) -> String {
            if var article = articles[id] {
                body(&article)
                articles[id] = article
            }
            return "\(name) of \(id)"
        }
        switch roll {
        case 0..<9: return change("body") { $0.paragraphs[rng.int(0..<$0.paragraphs.count)] = sentence() }
        case 9..<12:
            let other = articles.keys.filter { $0 != id }.randomElement(using: &rng)
            switch rng.int(0..<4) {
            case 0:
                return change("embedded teaser") { article in
                    guard let other else { return }
                    if let at = article.embedded.firstIndex(of: other) { article.embedded.remove(at: at) } else { article.embedded.append(other) }
                }
            case 1: return change("slot") { $0.slot.toggle() }
            case 2:
                return change("figure") { $0.figure = $0.bundle && ($0.figure == nil || rng.chance(0.5)) ? (rng.int(30..<200), rng.int(30..<160)) : nil }
            default:
                autoEmbeds.toggle()
                return "automatic embeds"
            }
        case 12..<18: return change("title") { $0.title = "Titel \($0.id) " + rng.pick(Self.words) }
        case 18..<22: return change("teaser") { $0.teaser = "Teaser " + rng.pick(Self.words) + "." }
        case 22..<27: return change("date") { $0.day = rng.int(0..<(today + 5)) }
        case 27..<31: return change("tags") { $0.tags = rng.subset(Self.tagWords, max: 3) }
        case 31..<34:
            return change("authors") { article in
                article.authors = [rng.pick(Self.authorNames)]
                for name in rng.subset(Self.authorNames, max: 1) where !article.authors.contains(name) { article.authors.append(name) }
            }
        case 34..<39:
            let others = articles.keys.filter { $0 != id }
            return change("related") { $0.related = Array(others.shuffled(using: &rng).prefix(rng.int(0..<3))).sorted() }
        case 39..<42: return change("slug") { $0.slugOverride.toggle() }
        case 42..<45: return change("aliases") { $0.aliases = $0.aliases.isEmpty ? [rng.int(0..<3)] : [] }
        case 45..<49: return change("draft") { $0.draft.toggle() }
        case 49..<53:
            today += rng.int(1..<4)
            return "time passes to day \(today)"
        case 53..<61:
            return change("comments") { article in
                var comments = article.comments ?? []
                switch rng.int(0..<4) {
                case 0 where !comments.isEmpty: comments.removeLast()
                case 1 where !comments.isEmpty:
                    let index = rng.int(0..<comments.count)
                    comments[index].status = rng.pick(["approved", "pending", "spam"])
                case 2: article.comments = nil; return
                default:
                    comments.append(comment(comments.count, parent: comments.isEmpty ? nil : rng.int(0..<comments.count)))
                }
                article.comments = comments
            }
        case 61..<65:
            return change("lead image") { $0.image = $0.bundle && rng.chance(0.8) ? (rng.int(40..<300), rng.int(30..<200)) : nil }
        case 65..<70:
            let name = rng.pick(["article.html", "list.html", "home.html", "base.html", "terms.html"])
            templateVersion[name, default: 0] += 1
            return "template \(name)"
        case 70..<74:
            let name = rng.pick(["partials/teaser.html", "embeds/teaser.html", "embeds/figure.html", "slots/promo.html"])
            templateVersion[name, default: 0] += 1
            return "partial \(name)"
        case 74..<79:
            let name = rng.pick(["css/style.css", "extra.txt", "bilder/logo.txt"])
            // The stylesheet stays: the templates link it with `asset_url`.
            if statics[name] != nil, name != "css/style.css", rng.chance(0.3) {
                statics[name] = nil
            } else {
                statics[name] = "v\(rng.int(0..<1000))\n"
            }
            return "static \(name)"
        case 79..<83:
            switch rng.int(0..<6) {
            case 0: siteTitle = "Zufallsmagazin " + rng.pick(Self.words)
            case 1: paginate = paginate == 2 ? 3 : 2
            case 2: search.toggle()
            case 3: pictureWidths = pictureWidths == [64, 128, 256] ? [48, 160] : [64, 128, 256]
            case 4: originals.toggle()
            default: rootPath = rootPath.isEmpty ? "/magazin" : ""
            }
            return "site.yml"
        case 83..<90:
            addArticle()
            return "add article \(nextID - 1)"
        case 90..<95:
            articles[id] = nil
            for other in articles.keys {
                articles[other]?.related.removeAll { $0 == id }
                articles[other]?.embedded.removeAll { $0 == id }
            }
            return "delete article \(id)"
        case 95..<97:
            return change("typo") { $0.broken = true }
        case 99 where rng.chance(0.3):
            let section = rng.pick(Self.sections)
            switch rng.int(0..<4) {
            case 0: profiles[section] = profiles[section] == nil ? ("Ressort " + rng.pick(Self.words), rng.int(0..<3), sentence()) : nil
            case 1: profiles[section]?.title = rng.chance(0.5) ? nil : "Ressort " + rng.pick(Self.words)
            case 2: profiles[section]?.weight = rng.int(0..<3)
            default:
                let intro = sentence()
                profiles[section]?.intro = intro
            }
            return "profile \(section)"
        case 99 where rng.chance(0.3):
            let name = rng.pick(Self.authorNames)
            if authorProfiles[name] == nil || rng.chance(0.3) {
                authorProfiles[name] = authorProfiles[name] == nil ? ("Rolle " + rng.pick(Self.words), sentence()) : nil
            } else {
                let bio = sentence()
                authorProfiles[name]?.bio = bio
            }
            return "author profile \(name)"
        case 99 where rng.chance(0.5):
            return change("kicker") { $0.kicker = $0.kicker == nil ? "Dachzeile " + rng.pick(Self.words) : nil }
        case 97..<99:
            let name = rng.pick(["impressum", "netiquette", "hilfe/kontakt"])
            switch rng.int(0..<4) {
            case 0: pages[name] = pages[name] == nil ? ("Seite " + rng.pick(Self.words), nil, 0, false) : nil
            case 1: pages[name]?.title = "Seite " + rng.pick(Self.words)
            case 2: pages[name]?.menu = rng.pick([nil, "header", "footer"])
            default: pages[name]?.weight = rng.int(0..<3); pages[name]?.noindex.toggle()
            }
            return "page \(name)"
        default:
            return change("move") { $0.section = rng.pick(Self.sections.filter { $0 != articles[id]?.section }) }
        }
    }

    private mutating func sentence() -> String {
        (0..<rng.int(4..<12)).map { _ in rng.pick(Self.words) }.joined(separator: " ") + "."
    }

    private mutating func comment(_ id: Int, parent: Int?) -> Comment {
        Comment(id: id, parent: parent, text: sentence(), status: rng.chance(0.8) ? "approved" : "pending")
    }

    // MARK: files

    /// Every file of the site, by path relative to the site folder.
    func files(templates: [String: Data]) -> [String: Data] {
        var files: [String: Data] = [:]
        files["site.yml"] = Data("""
            title: "\(siteTitle)"
            baseURL: "https://zufall.example\(rootPath)/"
            language: de
            timezone: Europe/Berlin
            paginate: \(paginate)
            search: \(search)
            images: {widths: [\(pictureWidths.map(String.init).joined(separator: ", "))], originals: \(originals)}
            \(autoEmbeds ? "embeds:\n  auto:\n    - {after: 1, teaser: related}\n    - {after: 2, slot: promo}" : "")

            """.utf8)
        for (name, data) in templates {
            let version = templateVersion[name, default: 0]
            files["templates/" + name] = version == 0 ? data : Self.marked(data, version: version)
        }
        for (name, text) in statics { files["static/" + name] = Data(text.utf8) }
        for (name, profile) in authorProfiles {
            let text = "---\nname: \(name)\nrole: \"\(profile.role)\"\nlinks: [https://\(Slug.make(name)).example/]\n---\n\(profile.bio)\n"
            files["authors/\(Slug.make(name)).md"] = Data(text.utf8)
        }
        for (section, profile) in profiles {
            let title = profile.title.map { "title: \"\($0)\"\n" } ?? ""
            files["content/\(section)/_index.md"] = Data("---\n\(title)weight: \(profile.weight)\n---\n\(profile.intro)\n".utf8)
        }
        for (name, page) in pages {
            var lines = ["---", "title: \"\(page.title)\"", "weight: \(page.weight)", "noindex: \(page.noindex)"]
            if let menu = page.menu { lines.append("menu: \(menu)") }
            lines += ["---", "Text der Seite \(name), mit [Link](/).", ""]
            files["pages/\(name).md"] = Data(lines.joined(separator: "\n").utf8)
        }
        for article in articles.values {
            let folder = "content/\(article.section)/"
            if article.bundle {
                let bundle = folder + article.folderName + "/"
                files[bundle + "index.md"] = markdown(article)
                if let comments = article.comments { files[bundle + "comments.json"] = json(comments) }
                if let image = article.image { files[bundle + "lead.png"] = Self.png(width: image.width, height: image.height) }
                if let figure = article.figure { files[bundle + "figur.png"] = Self.png(width: figure.width, height: figure.height) }
            } else {
                files[folder + article.folderName + ".md"] = markdown(article)
                if let comments = article.comments { files[folder + article.folderName + ".comments.json"] = json(comments) }
            }
        }
        return files
    }

    /// A template with a visible change: a marker inside its last block, or at its end.
    static func marked(_ template: Data, version: Int) -> Data {
        let text = String(decoding: template, as: UTF8.self)
        let marker = "<!-- v\(version) -->"
        guard let end = text.range(of: "{% endblock", options: .backwards) else { return Data((text + marker + "\n").utf8) }
        return Data(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: marker).utf8)
    }

    private func markdown(_ article: Article) -> Data {
        let date = Date(timeIntervalSince1970: Self.epoch + Double(article.day) * 86_400)
        var lines = ["---", "title: \"\(article.title)" + (article.broken ? "" : "\""), "teaser: \"\(article.teaser)\"", "date: \(Self.iso(date))"]
        lines.append("authors: [\(article.authors.joined(separator: ", "))]")
        if !article.tags.isEmpty { lines.append("tags: [\(article.tags.joined(separator: ", "))]") }
        if article.section.hasPrefix("kolumnen/") { lines.append("column: \"Am Rand\"") }
        let related = article.related.compactMap { articles[$0]?.contentPath }
        if !related.isEmpty { lines.append("related: [\(related.joined(separator: ", "))]") }
        if article.slugOverride { lines.append("slug: \(article.slug)") }
        if !article.aliases.isEmpty { lines.append("aliases: [\(article.aliases.map { "/alt/\(article.id)-\($0).html" }.joined(separator: ", "))]") }
        if article.draft { lines.append("draft: true") }
        if let kicker = article.kicker { lines.append("kicker: \"\(kicker)\"") }
        if article.image != nil {
            lines += ["image:", "  src: lead.png", "  alt: \"Bild \(article.id)\"", "  credit: \"Foto: Agentur\""]
        }
        lines.append("---")
        lines += article.paragraphs.prefix(1).map { $0 + "\n" }
        lines += article.embedded.compactMap { articles[$0]?.contentPath }.map { "> [!teaser] \($0)\n" }
        if article.slot { lines.append("> [!slot] promo\n") }
        if article.figure != nil, article.bundle { lines.append("![Figur \(article.id)](figur.png \"Foto: Agentur\")\nBildunterschrift.\n") }
        lines += article.paragraphs.dropFirst().map { $0 + "\n" }
        // Links into the site: under a root path both point below it.
        lines.append("[Start](/) · [Nachbar](../)\n")
        return Data(lines.joined(separator: "\n").utf8)
    }

    private func json(_ comments: [Comment]) -> Data {
        let items = comments.map { comment in
            let parent = comment.parent.map { ", \"parent\": \"\($0)\"" } ?? ""
            return "{ \"id\": \"\(comment.id)\"\(parent), \"author\": \"Leser \(comment.id)\", "
                + "\"date\": \"2024-03-0\(comment.id % 9 + 1)T08:00:00Z\", \"text\": \"\(comment.text)\", \"status\": \"\(comment.status)\" }"
        }
        return Data("{ \"comments\": [\n\(items.joined(separator: ",\n"))\n] }\n".utf8)
    }

    /// 2024-01-01T00:00:00Z.
    static let epoch = 1_704_067_200.0

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// A PNG signature and header chunk: enough for the build to read the size.
    static func png(width: Int, height: Int) -> Data {
        TestPictures.png(width: width, height: height, tint: width + height)
    }
}

/// A small, fast, seedable random number generator, so a failing sequence can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    mutating func subset<T>(_ items: [T], max: Int) -> [T] { Array(items.shuffled(using: &self).prefix(int(0..<(max + 1)))) }
}
