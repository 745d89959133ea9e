import Foundation

/// How the search index and the search box see text: words are cut at anything that is not
/// a letter, digit or combining mark, folded so that spelling variants meet, and stemmed
/// (``GermanStemmer``).
///
/// Folding, step by step (the search page's script does the same, so a query finds what
/// the index holds): Unicode compatibility decomposition (NFKD); lower case (after it, so
/// that `ℚ`, which decomposes to `Q`, folds to `q`); combining marks dropped; `ß` as `ss`; an `e` right after `a`, `o` or `u` dropped, so that the spelled-out
/// umlaut meets the umlaut (`Bürgergeld`, `Buergergeld` and `Burgergeld` all become
/// `burgergeld`, `Café` becomes `cafe`).
///
/// ``terms(in:)`` is on the build's hot path (every word of every article): it reads UTF-8
/// bytes and folds through a table of the scalars up to U+2FFF (``FoldTable``), and falls
/// back to ``fold(_:)`` only for a word with a scalar beyond; the stemmer works on the bytes
/// too. Measured on 30 MB of the benchmark corpus's bodies (3.4 million words), release build.
public enum SearchText {
    /// The words of `text`, as written.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// The terms of `text` by the definitions alone: each word folded as a String, left out
    /// when it folds to nothing (only marks) or to a stop word, then stemmed. What
    /// ``terms(in:)`` must give, and does faster.
    static func referenceTerms(in text: String) -> [String] {
        words(in: text).compactMap { word in
            let folded = fold(word)
            guard !folded.isEmpty, !isStopWord(folded: folded) else { return nil }
            return GermanStemmer.stem(folded, capitalized: word.unicodeScalars.first?.properties.isUppercase ?? false)
        }
    }

    /// Whether `scalar` belongs to a word: a letter, a digit or a combining mark.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default: false
        }
    }

    /// `word` folded, by the definition above: compare folded words to find spelling variants.
    public static func fold(_ word: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(word).decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            if scalar == "ß" {
                scalars.append("s")
                scalars.append("s")
            } else if scalar == "e", let last = scalars.last, last == "a" || last == "o" || last == "u" {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether the folded word is one the index leaves out (``StopWords``).
    static func isStopWord(folded: String) -> Bool {
        Array(folded.utf8).withUnsafeBufferPointer { StopWords.contains($0, in: StopWords.keys) }
    }

    /// The index terms of `text`: each word but the stop words folded and stemmed, in order (repeats kept).
    public static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each index term of `text`, in order.
    public static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: TermScanner.longest) { word in
                var scanner = TermScanner(bytes: bytes, word: word)
                while let term = scanner.next() { body(term) }
            }
        }
    }
}

/// Reads the words of UTF-8 text and folds them as ``SearchText/fold(_:)`` does, byte by byte.
struct TermScanner {
    /// Longer words (rare: no German word is this long) are folded as Strings.
    static let longest = 64

    let bytes: UnsafeBufferPointer<UInt8>
    /// ``FoldTable``'s entries, read without a reference count per byte.
    private let table = FoldTable.entries
    private let stopWords = StopWords.keys
    var position = 0
    /// The folded word so far: `length` bytes of `word`.
    private let word: UnsafeMutableBufferPointer<UInt8>
    private var length = 0

    init(bytes: UnsafeBufferPointer<UInt8>, word: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
        self.word = word
    }

    /// The word ``nextWord()`` folded last.
    var folded: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: word[0..<length]) }

    /// A word as ``nextWord()`` finds it.
    enum Word {
        /// Folded into ``folded`` (empty when the word is only marks), without a stop-word check.
        case folded(capitalized: Bool)
        /// A word whose fold is not all ASCII, with its term (nil when it is left out).
        case slow(term: String?)
    }

    /// The next word's term, nil at the end of the text.
    mutating func next() -> String? {
        while let word = nextWord() {
            switch word {
            case .folded(let capitalized):
                guard length > 0, !StopWords.contains(folded, in: stopWords) else { continue }
                return GermanStemmer.stem(ascii: folded, capitalized: capitalized)
            case .slow(let term):
                if let term { return term }
            }
        }
        return nil
    }

    /// The next word, nil at the end of the text.
    mutating func nextWord() -> Word? {
        length = 0
        var start = -1, capitalized = false, slow = false
        while position < bytes.count {
            let here = position
            let lead = bytes[position]
            if lead < 0x80 {
                // ASCII, most of a German text: a separator, or a letter or digit that folds
                // to one byte. Read apart from the general case below, counting a body's
                // terms took a fifth less time (4,000 corpus bodies, 0.46 → 0.36 s).
                let bits = table[Int(lead)]
                position += 1
                if bits & FoldTable.separator != 0 {
                    if start >= 0 { return word(start: start, end: here, capitalized: capitalized, slow: slow) }
                    continue
                }
                if start < 0 {
                    start = here
                    capitalized = bits & FoldTable.uppercase != 0
                }
                let byte = UInt8(truncatingIfNeeded: bits)
                if byte == UInt8(ascii: "e"), length > 0,
                   word[length - 1] == UInt8(ascii: "a") || word[length - 1] == UInt8(ascii: "o") || word[length - 1] == UInt8(ascii: "u") {
                    continue
                }
                if length == Self.longest {
                    slow = true
                    continue
                }
                word[length] = byte
                length += 1
                continue
            }
            let (scalar, size) = decode(at: position)
            let entry = FoldTable.entry(for: scalar, in: table)
            position += size
            if entry.isSeparator {
                if start >= 0 { return word(start: start, end: here, capitalized: capitalized, slow: slow) }
                continue
            }
            if start < 0 {
                start = here
                capitalized = entry.isUppercase
            }
            if entry.isSlow || length + entry.count > Self.longest {
                slow = true
                continue
            }
            for index in 0..<entry.count {
                let byte = entry.byte(index)
                if byte == UInt8(ascii: "e"), length > 0,
                   word[length - 1] == UInt8(ascii: "a") || word[length - 1] == UInt8(ascii: "o") || word[length - 1] == UInt8(ascii: "u") {
                    continue
                }
                word[length] = byte
                length += 1
            }
        }
        return start >= 0 ? word(start: start, end: bytes.count, capitalized: capitalized, slow: slow) : nil
    }

    /// The word that ends at `end`: folded as a String when the table could not fold it.
    private func word(start: Int, end: Int, capitalized: Bool, slow: Bool) -> Word {
        guard slow else { return .folded(capitalized: capitalized) }
        let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let folded = SearchText.fold(original)
        guard !folded.isEmpty, !SearchText.isStopWord(folded: folded) else { return .slow(term: nil) }
        return .slow(term: GermanStemmer.stem(folded, capitalized: capitalized))
    }

    /// The scalar at `offset` and its length in bytes (invalid bytes read as U+FFFD, one byte).
    private func decode(at offset: Int) -> (UInt32, Int) {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, offset + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<length {
            let byte = bytes[offset + index]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }
}

/// The fold of each scalar up to U+2FFF, made once from ``SearchText/fold(_:)``: a word
/// separator, up to three ASCII bytes, or "slow" (its fold is not ASCII: the word is folded
/// as a String). Entries are packed in a `UInt32` (bytes in the low 24 bits, then the count
/// and the flags) in memory that lives as long as the process, so the scanner reads them
/// without reference counting: with a Swift array here, reading the table took half of the
/// scanner's time.
enum FoldTable {
    static let separator: UInt32 = 1 << 28
    static let uppercase: UInt32 = 1 << 29

    struct Entry {
        let bits: UInt32

        var isSeparator: Bool { bits & FoldTable.separator != 0 }
        var isUppercase: Bool { bits & FoldTable.uppercase != 0 }
        var isSlow: Bool { bits & 1 << 30 != 0 }
        var count: Int { Int(bits >> 24 & 3) }
        func byte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: bits >> (8 * UInt32(index))) }
    }

    static let limit: UInt32 = 0x3000

    /// The table: made on first use and never freed.
    nonisolated(unsafe) static let entries: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(limit))
        for value in 0..<limit { table[Int(value)] = make(value) }
        return UnsafePointer(table)
    }()

    static func entry(for value: UInt32, in table: UnsafePointer<UInt32>) -> Entry {
        Entry(bits: value < limit ? table[Int(value)] : make(value))
    }

    private static func make(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value), SearchText.isWordScalar(scalar) else { return separator }
        var bits: UInt32 = scalar.properties.isUppercase ? uppercase : 0
        let folded = Array(SearchText.fold(String(scalar)).utf8)
        guard folded.allSatisfy({ $0 < 0x80 }), folded.count <= 3 else { return bits | 1 << 30 }
        for (index, byte) in folded.enumerated() { bits |= UInt32(byte) << (8 * UInt32(index)) }
        return bits | UInt32(folded.count) << 24
    }
}
