import Basics
import Foundation
import Testing
@testable import Content

@Suite struct ContentDateTests {
    let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    /// Seconds since 1970 of a UTC wall-clock time.
    func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
        let days = CivilDate.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    @Test func isoWithOffset() {
        #expect(ContentDate.parse("2022-06-22T10:15:00+02:00", timeZone: berlin) == utc(2022, 6, 22, 8, 15))
        #expect(ContentDate.parse("2022-06-22T10:15:00Z", timeZone: berlin) == utc(2022, 6, 22, 10, 15))
        #expect(ContentDate.parse("2022-06-22T10:15:00-0530", timeZone: berlin) == utc(2022, 6, 22, 15, 45))
        #expect(ContentDate.parse("2022-06-22T10:15+02", timeZone: berlin) == utc(2022, 6, 22, 8, 15))
        #expect(ContentDate.parse("2022-06-22 10:15:00 +02:00", timeZone: berlin) == utc(2022, 6, 22, 8, 15))
        #expect(ContentDate.parse("2022-06-22T10:15:00.5Z", timeZone: berlin) == utc(2022, 6, 22, 10, 15).addingTimeInterval(0.5))
    }

    @Test func localTimesUseTheSiteTimeZone() {
        // Summer: Berlin is UTC+2; winter: UTC+1.
        #expect(ContentDate.parse("2022-06-22T10:15", timeZone: berlin) == utc(2022, 6, 22, 8, 15))
        #expect(ContentDate.parse("2022-06-22T10:15:30", timeZone: berlin) == utc(2022, 6, 22, 8, 15, 30))
        #expect(ContentDate.parse("2022-01-10T10:15:00", timeZone: berlin) == utc(2022, 1, 10, 9, 15))
        #expect(ContentDate.parse("2022-06-22", timeZone: berlin) == utc(2022, 6, 21, 22))
        #expect(ContentDate.parse("2022-06-22", timeZone: .gmt) == utc(2022, 6, 22))
    }

    @Test(arguments: [
        "2022-13-45", "2022-02-30", "2021-02-29", "2022-6-22", "22-06-22", "2022-06-22T25:00",
        "2022-06-22T10:61", "2022-06-22T10:15:00+25:00", "2022-06-22T10", "gestern", "", "2022-06-22x",
        "2022-06-22T10:15:00+02:00 extra",
    ])
    func rejectsNonDates(text: String) {
        #expect(ContentDate.parse(text, timeZone: berlin) == nil)
    }

    @Test func leapDay() {
        #expect(ContentDate.parse("2024-02-29", timeZone: .gmt) == utc(2024, 2, 29))
        #expect(ContentDate.parse("2000-02-29", timeZone: .gmt) == utc(2000, 2, 29))
        #expect(ContentDate.parse("1900-02-29", timeZone: .gmt) == nil)
    }
}
