/// CISTEM, the German stemmer of Weißweiler and Fraser (2017, "Developing a Stemmer for
/// German Based on a Comparative Analysis of Publicly Available Stemmers"), written for
/// magbuild from the algorithm as the paper gives it.
///
/// Umlauts and ß are folded (`ü` → `u`, `ß` → `ss`), `ge` is cut from words of six letters
/// or more, then endings are taken off one at a time while the word has more than three
/// letters: `em`, `er`, `nd` (while it has more than five), `t` (not for capitalised words,
/// which are nouns in German), then one of `e`, `s`, `n`. `sch`, `ei` and `ie` count as one
/// letter while endings are removed; a doubled letter counts as two but is never an ending.
public enum GermanStemmer {
    /// The stem of `word`; `capitalized` tells whether the word was written with a capital
    /// (a noun: a final `t` then belongs to the stem, as in "Zeit").
    public static func stem(_ word: String, capitalized: Bool = false) -> String {
        var letters: [Unicode.Scalar] = []
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "ä": letters.append("a")
            case "ö": letters.append("o")
            case "ü": letters.append("u")
            case "ß": letters += ["s", "s"]
            default: letters.append(scalar)
            }
        }
        if letters.count >= 6, letters[0] == "g", letters[1] == "e" { letters.removeFirst(2) }
        var units = Self.units(of: letters)
        // Lengths as the paper counts them: a group is one letter, a doubled one two.
        var length: Int { units.reduce(0) { $0 + $1.width } }
        while length > 3 {
            if length > 5, Self.endsWith(units, [.letter("e"), .letter("m")]) || Self.endsWith(units, [.letter("e"), .letter("r")])
                || Self.endsWith(units, [.letter("n"), .letter("d")]) {
                units.removeLast(2)
                continue
            }
            if !capitalized, units.last == .letter("t") {
                units.removeLast()
                continue
            }
            if let last = units.last, last == .letter("e") || last == .letter("s") || last == .letter("n") {
                units.removeLast()
                continue
            }
            break
        }
        return units.map(\.text).joined()
    }

    /// One letter as the endings see it: a letter, `sch`, `ei`, `ie`, or one of these doubled.
    indirect enum Unit: Equatable {
        case letter(Unicode.Scalar)
        case group(String)
        case doubled(Unit)

        /// How many letters the unit counts for.
        var width: Int {
            if case .doubled = self { 2 } else { 1 }
        }

        var text: String {
            switch self {
            case .letter(let scalar): String(scalar)
            case .group(let text): text
            case .doubled(let unit): unit.text + unit.text
            }
        }
    }

    /// The letters as units, in the paper's order: every `sch`, then every `ei`, then every
    /// `ie` (each left to right among what is left), then each pair of equal units, left to
    /// right without overlap.
    static func units(of letters: [Unicode.Scalar]) -> [Unit] {
        var units = letters.map(Unit.letter)
        units = grouped(units, "sch")
        units = grouped(units, "ei")
        units = grouped(units, "ie")
        var paired: [Unit] = []
        var i = 0
        while i < units.count {
            if i + 1 < units.count, units[i] == units[i + 1] {
                paired.append(.doubled(units[i]))
                i += 2
            } else {
                paired.append(units[i])
                i += 1
            }
        }
        return paired
    }

    /// `units` with each run of single letters spelling `group` made one unit.
    private static func grouped(_ units: [Unit], _ group: String) -> [Unit] {
        let spelled = group.unicodeScalars.map(Unit.letter)
        var result: [Unit] = []
        var i = 0
        while i < units.count {
            if i + spelled.count <= units.count, Array(units[i..<i + spelled.count]) == spelled {
                result.append(.group(group))
                i += spelled.count
            } else {
                result.append(units[i])
                i += 1
            }
        }
        return result
    }

    private static func endsWith(_ units: [Unit], _ ending: [Unit]) -> Bool {
        units.count >= ending.count && Array(units.suffix(ending.count)) == ending
    }
}
