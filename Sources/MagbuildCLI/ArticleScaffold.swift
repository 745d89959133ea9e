import Foundation
import Site

/// The text of a new article file: complete front matter (optional fields commented out),
/// `draft: true`, and a short note where the body goes.
///
/// The teaser is ``SiteChecker/teaserPlaceholder``: valid front matter, so the draft builds
/// and checks clean, but `magbuild check` reports it as an error once the draft is published.
struct ArticleScaffold {
    var title: String
    var author: String
    var date: Date
    var timeZone: TimeZone
    /// A bundle can hold its own images; a flat file cannot.
    var isBundle: Bool

    var text: String {
        let imageSource = isBundle ? "lead.jpg" : "/static/img/bild.jpg"
        return """
            ---
            title: \(Self.quoted(title))
            teaser: \(Self.quoted(SiteChecker.teaserPlaceholder))   # TODO: ein, zwei Sätze – unter dem Titel und auf jeder Teaser-Karte
            date: \(Self.timestamp(date, in: timeZone))
            authors: [\(Self.quoted(author))]
            tags: []
            # column: "Name der Kolumne"
            # image:
            #   src: \(imageSource)
            #   alt: "Was auf dem Bild zu sehen ist"
            #   caption: "Bildunterschrift"
            #   credit: "Foto: Name / Agentur"
            # related: [politik/anderer-artikel]
            comments: open
            draft: true
            ---

            <!-- Hier beginnt der Text. Zwischentitel: "## Titel", Links: [Text](/politik/anderer-artikel/) -->

            """
    }

    /// `date` as ISO 8601 in `timeZone`, with its offset: `2024-03-01T09:30:00+01:00`.
    static func timestamp(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: date)
    }

    /// A plain page: its title and the optional keys, commented out.
    static func page(title: String) -> String {
        """
        ---
        title: \(quoted(title))
        # description: "Ein Satz für Suchmaschinen"
        # menu: footer      # header oder footer: verlinkt die Seite auf jeder Seite
        # weight: 1         # Reihenfolge im Menü, kleinere zuerst
        # noindex: true     # nicht in Suchmaschinen und nicht in der Sitemap
        ---
        Der Text der Seite.

        """
    }

    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
