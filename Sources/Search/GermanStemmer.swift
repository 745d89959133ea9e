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

    /// ``stem(_:capitalized:)`` of a word that is folded already (``SearchText``: lower case,
    /// ASCII), on bytes: the index's hot path (every word of every article), so it allocates
    /// nothing but the result. A unit is a letter's byte, 1 for `sch`, 2 for `ei`, 3 for
    /// `ie`, plus 0x100 when doubled; the passes are the ones of ``units(of:)``.
    static func stem(ascii word: UnsafeBufferPointer<UInt8>, capitalized: Bool) -> String {
        String(unsafeUninitializedCapacity: word.count) { stem(ascii: word, capitalized: capitalized, into: $0) }
    }

    /// ``stem(ascii:capitalized:)`` written into `bytes` (at least as long as `word`);
    /// returns the stem's length.
    static func stem(ascii word: UnsafeBufferPointer<UInt8>, capitalized: Bool, into bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let start = word.count >= 6 && word[0] == UInt8(ascii: "g") && word[1] == UInt8(ascii: "e") ? 2 : 0
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(1, word.count)) { units in
            var count = 0
            var i = start
            while i < word.count {
                if i + 2 < word.count, word[i] == UInt8(ascii: "s"), word[i + 1] == UInt8(ascii: "c"), word[i + 2] == UInt8(ascii: "h") {
                    units[count] = 1
                    i += 3
                } else {
                    units[count] = UInt16(word[i])
                    i += 1
                }
                count += 1
            }
            count = group(units, count, UInt16(UInt8(ascii: "e")), UInt16(UInt8(ascii: "i")), as: 2)
            count = group(units, count, UInt16(UInt8(ascii: "i")), UInt16(UInt8(ascii: "e")), as: 3)
            var kept = 0, length = 0
            i = 0
            while i < count {
                if i + 1 < count, units[i] == units[i + 1] {
                    units[kept] = units[i] | 0x100
                    length += 2
                    i += 2
                } else {
                    units[kept] = units[i]
                    length += 1
                    i += 1
                }
                kept += 1
            }
            count = kept
            let e = UInt16(UInt8(ascii: "e")), n = UInt16(UInt8(ascii: "n"))
            while length > 3, count > 0 {
                let last = units[count - 1], before = count >= 2 ? units[count - 2] : 0
                if length > 5, (before == e && (last == UInt16(UInt8(ascii: "m")) || last == UInt16(UInt8(ascii: "r"))))
                    || (before == n && last == UInt16(UInt8(ascii: "d"))) {
                    count -= 2
                    length -= 2
                } else if !capitalized && last == UInt16(UInt8(ascii: "t")) || last == e || last == UInt16(UInt8(ascii: "s")) || last == n {
                    count -= 1
                    length -= 1
                } else {
                    break
                }
            }
            var written = 0
            for index in 0..<count {
                let unit = units[index]
                for _ in 0..<(unit >= 0x100 ? 2 : 1) {
                    switch unit & 0xFF {
                    case 1:
                        bytes[written] = UInt8(ascii: "s"); bytes[written + 1] = UInt8(ascii: "c"); bytes[written + 2] = UInt8(ascii: "h")
                        written += 3
                    case 2:
                        bytes[written] = UInt8(ascii: "e"); bytes[written + 1] = UInt8(ascii: "i")
                        written += 2
                    case 3:
                        bytes[written] = UInt8(ascii: "i"); bytes[written + 1] = UInt8(ascii: "e")
                        written += 2
                    default:
                        bytes[written] = UInt8(truncatingIfNeeded: unit)
                        written += 1
                    }
                }
            }
            return written
        }
    }

    /// Makes each pair of single letters `first`, `second` (left to right, not overlapping)
    /// among the first `count` units the unit `code`; returns the new count.
    private static func group(_ units: UnsafeMutableBufferPointer<UInt16>, _ count: Int, _ first: UInt16, _ second: UInt16, as code: UInt16) -> Int {
        var kept = 0, i = 0
        while i < count {
            if i + 1 < count, units[i] == first, units[i + 1] == second {
                units[kept] = code
                i += 2
            } else {
                units[kept] = units[i]
                i += 1
            }
            kept += 1
        }
        return kept
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
