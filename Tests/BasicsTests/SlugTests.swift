import Testing
@testable import Basics

@Suite struct SlugTests {
    @Test(arguments: [
        ("Russland & Kasachstan", "russland-kasachstan"),
        ("Außenpolitik", "aussenpolitik"),
        ("Über Öl und Ärger", "ueber-oel-und-aerger"),
        ("ÄÖÜ äöü ẞ", "aeoeue-aeoeue-ss"),
        ("Café Crème", "cafe-creme"),
        ("Spahn's Spitzwege", "spahns-spitzwege"),
        ("  --Hallo,   Welt!--  ", "hallo-welt"),
        ("COVID-19", "covid-19"),
        ("Łódź", "lodz"),
        ("Ǿre, ǽble", "ore-aeble"),
        ("a/b/../c", "a-b-c"),
        ("", "n-a"),
        ("?!/..", "n-a"),
    ])
    func makesSlugs(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test func decomposedUmlautsAreSpelledOut() {
        // "ü" written as u + combining diaeresis, as some editors on macOS produce.
        #expect(Slug.make("Gru\u{0308}ne") == "gruene")
    }

    @Test func slugsNeverContainSlashesOrDotDot() {
        for name in ["../../etc/passwd", "a..b", "x/y", "..", ".hidden"] {
            let slug = Slug.make(name)
            #expect(!slug.contains("/"))
            #expect(!slug.contains(".."))
            #expect(Slug.isValidSegment(slug))
        }
    }

    @Test func validSegments() {
        #expect(Slug.isValidSegment("mein-artikel"))
        #expect(Slug.isValidSegment("Grüne_2024"))
        #expect(!Slug.isValidSegment(""))
        #expect(!Slug.isValidSegment("a/b"))
        #expect(!Slug.isValidSegment(".."))
        #expect(!Slug.isValidSegment("a..b"))
        #expect(!Slug.isValidSegment(".hidden"))
        #expect(!Slug.isValidSegment("zwei worte"))
        #expect(!Slug.isValidSegment("back\\slash"))
    }
}

@Suite struct SlugFastPathTests {
    @Test(arguments: [
        "Russland & Kasachstan", "Außenpolitik", "Über Öl", "ÄRZTE", "Rock 'n' Roll", "Don’t panic",
        "  --Mitte--  ", "A/B..C", "C++ und C#", "100 Jahre", "Straße", "!!!", "",
    ])
    func asciiPathAgreesWithTheGeneralPath(name: String) throws {
        let quick = try #require(Slug.asciiSlug(name))
        #expect(quick == Slug.generalSlug(name))
    }

    @Test func otherScriptsTakeTheGeneralPath() {
        #expect(Slug.asciiSlug("Café") == nil)
        #expect(Slug.make("Café") == "cafe")
        #expect(Slug.asciiSlug("Selin Aydın") == nil)
        #expect(Slug.make("Selin Aydın") == "selin-aydin")
    }
}
