/// The data the benchmark renders: an article with 100 threaded comments and a home
/// page with 50 teasers, as plain Swift values (`[String: Any]`, `[Any]`, `String`,
/// `Int`, `Bool`) that each engine's context is built from once, before timing.
enum SampleData {
    static let sections = ["Politik", "Wirtschaft", "Kultur", "Wissen", "Reise", "Sport", "Meinung", "Archiv"]

    static var site: [String: Any] {
        [
            "title": "Das Magazin & Co.",
            "url": "https://magazin.example/",
            "sections": sections.map { ["name": $0, "url": "/\($0.lowercased())/"] as [String: Any] },
        ]
    }

    /// A Markdown-rendered body, already HTML (printed without escaping by every engine).
    static var body: String {
        (1...12).map { "<p>Absatz \($0): Die <em>Landpartie</em> führt uns nach Süden, wo der Wind über die Felder streicht &amp; die Schwalben tief fliegen. Ein <a href=\"/reise/\">Bericht</a> über Nähe und Ferne.</p>" }
            .joined(separator: "\n")
    }

    static var article: [String: Any] {
        [
            "site": site,
            "page": [
                "title": "Lindqvists Landpartie: \"Heu & Hafer\" <Teil 3>",
                "author": ["name": "Maja Lindqvist", "url": "/autoren/lindqvist/"] as [String: Any],
                "date": "22. Juni 2022",
                "body": body,
                "tags": ["Reise", "Sommer", "Landwirtschaft", "Kolumne"],
            ] as [String: Any],
            "comment_count": 100,
            "comments": commentThreads(total: 100),
        ]
    }

    /// `total` comments: 20 threads of five comments nested up to four levels deep.
    static func commentThreads(total: Int) -> [Any] {
        var next = 0
        func comment(depth: Int) -> [String: Any] {
            next += 1
            let id = next
            var replies: [Any] = []
            if depth < 3 { replies.append(comment(depth: depth + 1)) }
            if depth == 1 { replies.append(comment(depth: depth + 1)) }
            return [
                "id": id,
                "author": "Leser \(id) <\(id)@example.org>",
                "date": "\(id % 28 + 1). Juni 2022",
                "text": "Kommentar \(id): Ich finde, \"Hafer\" & 'Heu' sind <b>nicht</b> dasselbe. Danke für den schönen Text!",
                "replies": replies,
            ]
        }
        var threads: [Any] = []
        while next < total { threads.append(comment(depth: 0)) }
        return threads
    }

    static var home: [String: Any] {
        [
            "site": site,
            "teasers": (1...50).map { number -> Any in
                [
                    "title": "Artikel \(number): Über \"Nähe\" & Ferne",
                    "url": "/artikel/\(number)/",
                    "author": number % 3 == 0 ? "Jonas Weber" : "Maja Lindqvist",
                    "date": "\(number % 28 + 1). Mai 2022",
                    "summary": "Eine kurze Einleitung zu Artikel \(number), mit <Sonderzeichen> & Umlauten: äöü.",
                    "image": number % 2 == 0 ? "/bilder/\(number).jpg" : "",
                    "tags": number % 4 == 0 ? [] : ["Reise", "Sommer"],
                ] as [String: Any]
            },
        ]
    }
}
