/// The few words the build itself puts on pages (titles of generated indexes), in the site's language.
struct Words: Sendable {
    let tags: String
    let authors: String
    let notFound: String
    /// The first crumb of a breadcrumb trail.
    let home: String
    let search: String

    init(language: String) {
        if language.lowercased().hasPrefix("de") {
            tags = "Themen"
            authors = "Autorinnen und Autoren"
            notFound = "Seite nicht gefunden"
            home = "Startseite"
            search = "Suche"
        } else {
            tags = "Topics"
            authors = "Authors"
            notFound = "Page not found"
            home = "Home"
            search = "Search"
        }
    }
}
