/// Turns untrusted reader text into safe HTML (SPEC §3).
public enum ReaderText {
    /// Blank lines separate paragraphs, single newlines are line breaks, lines starting `> `
    /// are a quotation, bare http(s) URLs become `rel="nofollow ugc noopener"` links;
    /// everything else is escaped.
    public static func html(from text: String) -> String {
        fatalError("ReaderText is not implemented yet")
    }
}
