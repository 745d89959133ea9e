import Foundation
import Testing
@testable import Comments

@Suite struct CommentDateTests {
    @Test(arguments: [
        ("2022-06-23T08:12:00Z", 1_655_971_920.0),
        ("2022-06-23t08:12:00z", 1_655_971_920.0),
        ("2022-06-23 08:12:00Z", 1_655_971_920.0),
        ("2022-06-23T10:12:00+02:00", 1_655_971_920.0),
        ("2022-06-23T10:12:00+0200", 1_655_971_920.0),
        ("2022-06-23T03:12:00-05", 1_655_971_920.0),
        ("2022-06-23T08:12Z", 1_655_971_920.0),
        ("2022-06-23T08:12:00.5Z", 1_655_971_920.5),
        ("2022-06-23T08:12:00.250+00:00", 1_655_971_920.25),
        ("2022-06-23T08:12:00.123456789Z", 1_655_971_920.123),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("2000-01-01T00:00:00Z", 946_684_800.0),
    ])
    func parses(text: String, seconds: Double) {
        #expect(CommentDate.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "2022-06-23", "2022-06-23T08:12:00", "2022-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2022-06-23T24:00:00Z", "2022-06-23T08:60:00Z", "2022-06-23T08:12:60Z", "2022-06-23T08:12:00.Z",
        "2022-06-23T08:12:00+25:00", "2022-06-23T08:12:00Zjunk", "22-06-23T08:12:00Z", "",
    ])
    func rejects(text: String) {
        #expect(CommentDate.date(from: text) == nil)
    }

    @Test func formatsInUTC() {
        #expect(CommentDate.string(from: Date(timeIntervalSince1970: 1_655_971_920)) == "2022-06-23T08:12:00Z")
        #expect(CommentDate.string(from: Date(timeIntervalSince1970: 1_655_971_920.25)) == "2022-06-23T08:12:00.250Z")
        #expect(CommentDate.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test func roundTripsOverCenturies() {
        var seconds = -2_208_988_800.0
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(CommentDate.date(from: CommentDate.string(from: date)) == date)
            seconds += 7_777_777.125
        }
    }
}
