import Basics
import Content
import Templates

/// An article's share links, made at build time: plain links to the messengers' and networks'
/// share pages, so a page loads nothing from them and nobody learns of a reader before a click.
enum ShareLinks {
    private static let keys = RecordKeys(["name", "label", "url"])

    /// `[{name, label, url}]` for `targets` in their order; `copy`'s `url` is the permalink itself
    /// (the theme's button copies or shares it).
    static func value(_ targets: [SiteConfig.ShareTarget], title: String, permalink: String, language: String) -> Value {
        let german = language.lowercased().hasPrefix("de")
        // Percent-encoding goes byte by byte, so the encoding of a joined text is the encodings
        // joined: the title and the permalink are encoded once for all targets.
        let title = Escaping.percentEncoded(title, keepSlash: false)
        let link = Escaping.percentEncoded(permalink, keepSlash: false)
        return .array(targets.map { target in
            let label: String, url: String
            switch target {
            case .mail:
                label = german ? "E-Mail" : "Email"
                url = "mailto:?subject=\(title)&body=\(title)%0A\(link)"
            case .whatsapp:
                label = "WhatsApp"
                url = "https://wa.me/?text=\(title)%20\(link)"
            case .telegram:
                label = "Telegram"
                url = "https://t.me/share/url?url=\(link)&text=\(title)"
            case .x:
                label = "X"
                url = "https://x.com/intent/post?url=\(link)&text=\(title)"
            case .facebook:
                label = "Facebook"
                url = "https://www.facebook.com/sharer/sharer.php?u=\(link)"
            case .linkedin:
                label = "LinkedIn"
                url = "https://www.linkedin.com/sharing/share-offsite/?url=\(link)"
            case .copy:
                label = german ? "Link kopieren" : "Copy link"
                url = permalink
            }
            return .record(Record(keys, [.string(target.rawValue), .string(label), .string(url)]))
        })
    }
}
