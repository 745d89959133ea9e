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
        func encoded(_ text: String) -> String { Escaping.percentEncoded(text, keepSlash: false) }
        return .array(targets.map { target in
            let label: String, url: String
            switch target {
            case .mail:
                label = german ? "E-Mail" : "Email"
                url = "mailto:?subject=\(encoded(title))&body=\(encoded(title + "\n" + permalink))"
            case .whatsapp:
                label = "WhatsApp"
                url = "https://wa.me/?text=\(encoded(title + " " + permalink))"
            case .telegram:
                label = "Telegram"
                url = "https://t.me/share/url?url=\(encoded(permalink))&text=\(encoded(title))"
            case .x:
                label = "X"
                url = "https://x.com/intent/post?url=\(encoded(permalink))&text=\(encoded(title))"
            case .facebook:
                label = "Facebook"
                url = "https://www.facebook.com/sharer/sharer.php?u=\(encoded(permalink))"
            case .linkedin:
                label = "LinkedIn"
                url = "https://www.linkedin.com/sharing/share-offsite/?url=\(encoded(permalink))"
            case .copy:
                label = german ? "Link kopieren" : "Copy link"
                url = permalink
            }
            return .record(Record(keys, [.string(target.rawValue), .string(label), .string(url)]))
        })
    }
}
