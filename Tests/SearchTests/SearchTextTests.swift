import Foundation
import Testing
@testable import Search

@Suite struct SearchTextTests {
    /// Inflected forms that a reader's search must find each other by: one group per line,
    /// all with one stem (written for magbuild's tests, from the articles' vocabulary).
    static let groups: [[String]] = [
        ["Haus", "Hauses", "Häuser", "Häusern"],
        ["Zeitung", "Zeitungen"],
        ["Wahl", "Wahlen"],
        ["Kasachstan", "kasachstan", "KASACHSTAN"],
        ["Bürgergeld", "Buergergeld", "Burgergeld", "bürgergeld"],
        ["Stadtrat", "Stadtrats", "Stadtrates"],
        ["Brücke", "Brücken"],
        ["fordert", "fordern", "fordere"],
        ["Schule", "Schulen"],
        ["Theater", "Theaters"],
        ["Straße", "Strasse", "Straßen"],
        ["Café", "Cafe", "Cafés"],
    ]

    @Test(arguments: groups)
    func inflectionsShareAStem(_ group: [String]) {
        let stems = Set(group.map { SearchText.terms(in: $0) })
        #expect(stems.count == 1, "\(group): \(stems)")
    }

    @Test func differentWordsKeepDifferentStems() {
        // (Folding umlauts costs some: "Bürger" and "Burg" meet, as in most German stemmers.)
        let words = ["Haus", "Hase", "Zeit", "Zeitung", "Wahl", "Wal", "Rat", "Rad", "Bürger", "Berg"]
        let stems = words.map { SearchText.terms(in: $0) }
        #expect(Set(stems).count == words.count, "\(zip(words, stems).map { "\($0) → \($1)" })")
    }

    @Test func stemsByTheAlgorithmsSteps() {
        #expect(GermanStemmer.stem("zeitungen") == "zeitung", "-en: n, then e")
        #expect(GermanStemmer.stem("Zeit", capitalized: true) == "zeit", "a noun keeps its t")
        #expect(GermanStemmer.stem("arbeitet") == "arbei", "a verb's t goes, then the loop ends at three units")
        #expect(GermanStemmer.stem("gesprochen") == "sproch", "ge- of a long word")
        #expect(GermanStemmer.stem("gehen") == "geh", "five letters keep their ge-")
        #expect(GermanStemmer.stem("schnell") == "schnell", "sch and ll count as one unit each")
        #expect(GermanStemmer.stem("kleinen") == "klei", "ei is one unit: k l ei n e n loses n, e, n")
        #expect(GermanStemmer.stem("tisches") == "tisch")
        #expect(GermanStemmer.stem("") == "")
    }

    @Test func unitsFollowThePapersOrder() {
        let units = GermanStemmer.units(of: Array("schiessen".unicodeScalars))
        #expect(units == [.group("sch"), .group("ie"), .doubled(.letter("s")), .letter("e"), .letter("n")])
        #expect(GermanStemmer.units(of: Array("aaa".unicodeScalars)) == [.doubled(.letter("a")), .letter("a")])
        #expect(GermanStemmer.units(of: Array("iei".unicodeScalars)) == [.letter("i"), .group("ei")])
    }

    /// What the scanner's ASCII path takes for granted.
    @Test func everyASCIICharacterSeparatesOrFoldsToOneByte() {
        for value in UInt32(0)..<0x80 {
            let entry = FoldTable.entry(for: value, in: FoldTable.entries)
            #expect(entry.isSeparator || (entry.count == 1 && !entry.isSlow), "U+\(String(value, radix: 16))")
        }
    }

    @Test func foldingAndWords() {
        #expect(SearchText.fold("Bürgergeld") == "burgergeld")
        #expect(SearchText.fold("BUERGERGELD") == "burgergeld")
        #expect(SearchText.fold("Straße") == "strasse")
        #expect(SearchText.fold("ﬁnanz") == "finanz", "compatibility ligature")
        #expect(SearchText.fold("Crème") == "creme")
        #expect(SearchText.words(in: "Kasachstan, Russland – und 2026!") == ["Kasachstan", "Russland", "und", "2026"])
        #expect(SearchText.fold("Cafe\u{301}") == "cafe", "a decomposed accent")
        #expect(SearchText.fold("Ae\u{308}") == "a", "the e after an a goes, whatever marks the a had")
        #expect(SearchText.fold("pfsℚ") == "pfsq", "lower case after the decomposition")
        #expect(SearchText.terms(in: "ℚuelle") == SearchText.terms(in: "Quelle"))
    }

    @Test func stopWordsAreLeftOut() {
        #expect(SearchText.terms(in: "Die Wahl in Haldenau und der Stadtrat über DAS Geld").count == 4)
        #expect(SearchText.terms(in: "für Fur fuer").isEmpty, "folded before they are compared")
        #expect(SearchText.terms(in: "Dieselben Dasein").count == 2, "only whole words")
        #expect(StopWords.folded.contains("fur") && StopWords.folded.contains("uber") && !StopWords.folded.contains("für"))
    }

    /// The byte-level scanner against the definitions, on random text from letters that fold
    /// in every way (umlauts, spelled-out umlauts, accents, marks, ligatures, other scripts).
    @Test func theFastScannerFoldsAsTheDefinitionDoes() {
        let alphabet = Array("aAeEoOuUiInNtTsScChHgGmMrRdD0123456789äÄöÖüÜßẞéÈçñøæﬁ½²ΣσжЖ中\u{301}\u{308}\u{200D}  ,.„“–…-'\u{FFFD}😀")
        var generator = SystemRandomNumberGenerator()
        var texts = ["a \u{301}\u{308} b", "\u{301}", "x\u{FFFD}\u{308}", String(repeating: "Donaudampfschifffahrtsgesellschaft", count: 3) + "en und mehr", "",
                     String(repeating: "ä", count: 70), "   ", "Bürgergeld", "GEHEN gegangen", "aee", "Straße ẞ", "x\u{308}e", "ﬁnanzen Ärzte"]
        for _ in 0..<3000 {
            texts.append(String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
        }
        for text in texts {
            let expected = SearchText.referenceTerms(in: text)
            #expect(!expected.contains(""), "a word of marks alone is no term")
            #expect(SearchText.terms(in: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Body terms count each distinct word once: the same counts, however many words.
        let long = texts.joined(separator: " ")
        for text in texts.prefix(200) + [long] {
            var counts: [String: Int] = [:], order: [String] = []
            BodyTerms(text: text).forEach { term, count in
                counts[term] = count
                order.append(term)
            }
            let expected = SearchText.referenceTerms(in: text)
            #expect(counts == Dictionary(expected.map { ($0, 1) }, uniquingKeysWith: +))
            var seen = Set<String>()
            #expect(order == expected.filter { seen.insert($0).inserted }, "in the order the text first has them")
        }
    }
}

extension SearchTextTests {
    /// The reference implementation's stems of every word of the demo magazine.
    @Test func everyDemoWordStemsAsTheReferenceDoes() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cistem-reference.tsv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 1000)
        var differ: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            let word = String(fields[0])
            let stem = GermanStemmer.stem(word, capitalized: word.first?.isUppercase ?? false)
            if stem != fields[1] { differ.append("\(word): \(stem), reference \(fields[1])") }
            // The index's byte-level stemmer, on the word as the reference folds it.
            let plain = word.lowercased().replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "ö", with: "o")
                .replacingOccurrences(of: "ü", with: "u").replacingOccurrences(of: "ß", with: "ss")
            let fast = Array(plain.utf8).withUnsafeBufferPointer { GermanStemmer.stem(ascii: $0, capitalized: word.first?.isUppercase ?? false) }
            if plain.utf8.allSatisfy({ $0 < 0x80 }), fast != fields[1] { differ.append("\(word): \(fast) (bytes), reference \(fields[1])") }
        }
        #expect(differ.isEmpty, "\(differ.prefix(20))")
    }
}
