import PropertyBased

/// Random reader text for property tests: pieces that hit the special cases of the
/// reader-text rules (markup, entities, URLs, quote markers, line endings, control
/// characters) mixed with random Unicode scalars.
enum RandomReaderText {
    static let pieces: [String] = [
        "a", "Z", "0", " ", "\t", "\n", "\n\n", "\r\n", "\r", "> ", ">", ">> ", "> > ", "<", "</", "<p>",
        "<script>alert(1)</script>", "<a href=\"x\">", "&", "&amp;", "&#60;", "&lt;", "\"", "'", "`",
        "http://", "https://", "HTTPS://", "http://x.example/a?b=1&c=2", "https://[::1]/", "https://x.example/(a)",
        "javascript:alert(1)", "JaVaScRiPt:", "data:text/html,", "(", ")", "[", "]", ".", ",", "!", "?",
        "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{200B}", "\u{FEFF}",
        "ä", "ß", "e\u{0301}", "😀", "“", "”", "»", "«", "…", "www.x.example",
    ]

    static let piece = Gen<String?>.element(of: pieces).map { $0 ?? "" }

    /// Any scalar but the surrogate range, which is not a scalar.
    static let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { value in
        Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }

    static let text = Gen.frequency((4, piece), (1, scalar)).array(of: 0...40).map { $0.joined() }
}
