import Foundation

/// How the search index and the search box see text: words are cut at anything that is not
/// a letter or digit, folded so that spelling variants meet, and stemmed.
///
/// Folding: Unicode compatibility normalisation, lower case, umlauts and their spelled-out
/// forms alike (`Bürgergeld`, `Buergergeld` and `Burgergeld` all become `burgergeld`), `ß` as
/// `ss`, other accents dropped (`Café` → `cafe`).
public enum SearchText {
    /// The words of `text`, as written.
    public static func words(in text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    /// `word` folded: compare folded words to find spelling variants.
    public static func fold(_ word: some StringProtocol) -> String {
        let lowered = String(word).precomposedStringWithCompatibilityMapping.lowercased()
        var scalars: [Unicode.Scalar] = []
        for scalar in lowered.unicodeScalars {
            switch scalar {
            case "ä": scalars.append("a")
            case "ö": scalars.append("o")
            case "ü": scalars.append("u")
            case "ß": scalars += ["s", "s"]
            case "e" where scalars.last.map { ["a", "o", "u"].contains($0) } ?? false:
                continue  // ae, oe, ue: the spelled-out umlaut
            default: scalars.append(scalar)
            }
        }
        let folded = String(String.UnicodeScalarView(scalars))
        return folded.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// The index terms of `text`: each word folded and stemmed, in order (repeats kept).
    public static func terms(in text: String) -> [String] {
        words(in: text).map { word in
            GermanStemmer.stem(fold(word), capitalized: word.first?.isUppercase ?? false)
        }
    }
}
