import Basics
import Testing

@Suite struct ExactStringTests {
    @Test func partsAreJoinedInOrder() {
        let cases: [[String]] = [
            ["", ""], ["a", ""], ["/", "politik/wahl/lead"], ["politik/wahl/lead", "-card-480w.webp"],
            ["https://magazin.example", "/", "kultur/oper-in-haldenau/"], ["Grüße/", "Ärger-", "日本語", "🙂"],
            [String(repeating: "x", count: 300), String(repeating: "ÿ", count: 100)],
        ]
        for parts in cases {
            let joined: String
            switch parts.count {
            case 2: joined = String(concatenating: parts[0], parts[1])
            case 3: joined = String(concatenating: parts[0], parts[1], parts[2])
            default: joined = String(concatenating: parts[0] + parts[1], parts[2], parts[3])
            }
            #expect(joined == parts.joined(), "\(parts)")
            #expect(Array(joined.utf8) == parts.flatMap { Array($0.utf8) })
        }
    }
}
