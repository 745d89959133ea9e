import Foundation
import Testing
@testable import Templates

/// The `date` filter: our strftime subset, German and English words, the site's timezone.
@Suite struct DateTests {
    static let cases: [RenderCase] = [
        RenderCase("{{ d | date }}", ["d": .date(midsummer)], "22. Juni 2022"),
        RenderCase("{{ d | date }}", ["d": .date(midsummer)], "June 22, 2022", language: "en"),
        RenderCase("{{ d | date('long') }}", ["d": .date(marchNight)], "7. März 2022"),
        RenderCase("{{ d | date('iso') }}", ["d": .date(midsummer)], "2022-06-22T10:15:00+02:00"),
        RenderCase("{{ d | date('iso') }}", ["d": .date(marchNight)], "2022-03-07T00:30:00+01:00"),
        RenderCase("{{ d | date('%Y-%m-%d %H:%M:%S %z') }}", ["d": .date(earlyJanuary)], "2022-01-01 01:05:09 +0100"),
        RenderCase("{{ d | date('%e.%-m.%y, %-H:%M Uhr') }}", ["d": .date(earlyJanuary)], "1.1.22, 1:05 Uhr"),
        RenderCase("{{ d | date('%A, %d. %B %Y') }}", ["d": .date(marchNight)], "Montag, 07. März 2022"),
        RenderCase("{{ d | date('%a %e. %b') }}", ["d": .date(marchNight)], "Mo 7. Mär"),
        RenderCase("{{ d | date('%A, %B %e, %Y %I:%M %p') }}", ["d": .date(marchNight)], "Monday, March 7, 2022 12:30 AM",
                   language: "en"),
        RenderCase("{{ d | date('%a %b') }}", ["d": .date(newYear)], "Sun Jan", language: "en"),
        RenderCase("{{ d | date('%F %T') }} {{ d | date('100%%') }}", ["d": .date(newYear)], "2023-01-01 00:30:00 100%"),
        RenderCase("<time datetime=\"{{ d | date('iso') }}\">{{ d | date }}</time>", ["d": .date(midsummer)],
                   "<time datetime=\"2022-06-22T10:15:00+02:00\">22. Juni 2022</time>"),
    ]

    @Test(arguments: cases) func formats(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    /// Output longer than the inline storage of `DateText` (48 bytes) goes on in an array.
    @Test func longOutputsKeepEveryByte() throws {
        let dates = DateFormatting(language: "de", timeZone: berlin)
        let piece = "%A, %d. %B %Y %H:%M:%S %z | "
        let once = try dates.format(marchNight, pattern: piece)
        for count in 1...6 {
            #expect(try dates.format(marchNight, pattern: String(repeating: piece, count: count))
                == String(repeating: once, count: count))
        }
        let text = String(repeating: "x", count: 47)
        #expect(try dates.format(marchNight, pattern: text + "%B") == text + "März")
        #expect(try dates.format(marchNight, pattern: text + "ä%Y") == text + "ä2022")
    }

    @Test func numbersArePaddedToTheirWidth() throws {
        let dates = DateFormatting(language: "en", timeZone: TimeZone(identifier: "UTC")!)
        let distant = Date(timeIntervalSince1970: 253_402_300_799)  // 9999-12-31 23:59:59
        #expect(try dates.format(distant, pattern: "%Y %-m %m %d %-d %H %-H %y") == "9999 12 12 31 31 23 23 99")
        let early = Date(timeIntervalSince1970: -62_135_596_800)  // 0001-01-01 00:00:00
        #expect(try dates.format(early, pattern: "%Y|%-Y|%m|%-m|%d|%H|%M|%S") == "0001|1|01|1|01|00|00|00")
        #expect(dates.iso8601(early) == "0001-01-01T00:00:00+00:00")
        let beforeYearOne = Date(timeIntervalSince1970: -62_167_219_200)  // year 0 (1 BC)
        #expect(try dates.format(beforeYearOne, pattern: "%Y") == "0000")
        let negative = Date(timeIntervalSince1970: -62_198_755_200)  // year -1
        #expect(try dates.format(negative, pattern: "%Y %-Y") == "-0001 -1")
    }

    @Test func germanMonthAndWeekdayNames() throws {
        let dates = DateFormatting(language: "de", timeZone: berlin)
        #expect((1...12).map { dates.monthName($0, short: false) } == [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
            "Dezember",
        ])
        #expect((1...7).map { dates.weekdayName($0, short: false) } == [
            "Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
        ])
        let english = DateFormatting(language: "fr", timeZone: berlin)
        #expect(english.monthName(3, short: false) == "March")
    }

    @Test func otherTimezones() throws {
        let utc = TemplateSettings(language: "en", timeZone: .gmt, baseURL: "/")
        let set = try TemplateSet(sources: ["t.html": "{{ d | date('iso') }} {{ d | date }}"], settings: utc)
        #expect(try set.render("t.html", context: ["d": .date(marchNight)]) == "2022-03-06T23:30:00+00:00 March 6, 2022")
        let india = TemplateSettings(language: "en", timeZone: TimeZone(identifier: "Asia/Kolkata") ?? .gmt)
        let indian = try TemplateSet(sources: ["t.html": "{{ d | date('%H:%M %z') }}"], settings: india)
        #expect(try indian.render("t.html", context: ["d": .date(midsummer)]) == "13:45 +0530")
    }
}

/// The date arithmetic agrees with Foundation's calendar, across time zones, DST changes,
/// leap years and dates before 1970.
@Suite struct DateArithmeticTests {
    @Test(arguments: ["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"])
    func fieldsMatchTheCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let formatting = DateFormatting(language: "de", timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for step in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // From 1900 to 2100, plus the hours around the 2024 DST changes in Europe.
            let seconds = step < 100
                ? 1_711_846_800 + (step - 50) * 600
                : Int(state >> 33) % 6_311_390_400 - 2_208_988_800
            let date = Date(timeIntervalSince1970: Double(seconds))
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let fields = formatting.fields(of: date)
            #expect(
                [fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.weekday]
                    == [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second, expected.weekday],
                "\(zone) at \(seconds)")
        }
    }
}
