import Foundation
import Testing
@testable import Templates

/// The date formatter against Foundation: offsets from the transition table, every
/// directive of every pattern, in zones with and without DST, around transitions, before
/// 1970, after 2038 and outside the table's years.
@Suite struct DateOracleTests {
    static let zones = [
        "Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe",
        "Europe/Dublin", "Africa/Casablanca", "Pacific/Apia", "America/St_Johns", "Asia/Kathmandu", "Antarctica/Troll",
        "America/Sao_Paulo", "Europe/Moscow", "Australia/Adelaide", "America/Santiago",
    ]

    /// Every directive, padded and unpadded, between literal text.
    static let pattern = "Y=%Y y=%y m=%m d=%d e=%e H=%H I=%I p=%p M=%M S=%S B=%B b=%b h=%h A=%A a=%a z=%z F=%F T=%T %% "
        + "%-Y %-y %-m %-d %-e %-H %-I %-M %-S %-z %-F %-T %-% %-B %-a"

    static func timeZone(_ name: String) throws -> TimeZone {
        try #require(TimeZone(identifier: name))
    }

    /// Unix seconds from 1700 to 2400, from a fixed pseudo-random sequence.
    static func randomSeconds(_ count: Int, seed: UInt64) -> [Int] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 30) % 22_090_000_000 - 8_520_000_000
        }
    }

    /// The zone's transitions between 1900 and 2100, as Foundation reports them.
    static func transitions(of timeZone: TimeZone) -> [Date] {
        var found: [Date] = []
        var date = Date(timeIntervalSince1970: -2_208_988_800)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 4_102_444_800 {
            found.append(next)
            date = next
        }
        return found
    }

    @Test(arguments: zones) func offsetsMatchFoundation(zone: String) throws {
        let timeZone = try Self.timeZone(zone)
        let offsets = ZoneOffsets(timeZone)
        var dates = Self.randomSeconds(2_000, seed: 7).map { Date(timeIntervalSince1970: Double($0)) }
        for transition in Self.transitions(of: timeZone) {
            dates += [-3_601, -1, -0.5, 0, 0.25, 1, 3_600].map { transition.addingTimeInterval($0) }
        }
        dates += [-2_208_988_801, -2_208_988_800, 4_102_444_799, 4_102_444_800, 0, 2_147_483_648]
            .map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            let time = Int(date.timeIntervalSince1970.rounded(.down))
            #expect(offsets.secondsFromGMT(for: date, time: time) == timeZone.secondsFromGMT(for: date),
                    "\(zone) at \(date.timeIntervalSince1970)")
        }
    }

    @Test func fixedOffsetZones() throws {
        for seconds in [0, 19_800, -12_600, 50_400, -39_600] {
            let timeZone = try #require(TimeZone(secondsFromGMT: seconds))
            let offsets = ZoneOffsets(timeZone)
            for time in Self.randomSeconds(200, seed: 3) {
                #expect(offsets.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time)), time: time) == seconds)
            }
        }
    }

    @Test(arguments: zones) func everyDirectiveMatchesFoundation(zone: String) throws {
        let timeZone = try Self.timeZone(zone)
        let transitions = Self.transitions(of: timeZone)
        var seconds = Self.randomSeconds(400, seed: 11)
        for transition in transitions.prefix(40) + transitions.suffix(40) {
            let second = Int(transition.timeIntervalSince1970)
            seconds += [second - 1, second, second + 1]
        }
        seconds += [0, -1, 951_782_400, 2_147_483_647, 2_147_483_648, 4_102_444_800, -5_000_000_000]
        for language in ["de", "en"] {
            let formatting = DateFormatting(language: language, timeZone: timeZone)
            let reference = ReferenceDates(timeZone: timeZone, german: language == "de")
            for second in seconds {
                let date = Date(timeIntervalSince1970: Double(second))
                #expect(try formatting.format(date, pattern: Self.pattern) == reference.format(date, Self.pattern),
                        "\(zone) \(language) at \(second)")
                #expect(formatting.iso8601(date) == reference.format(date, "%F") + "T" + reference.format(date, "%T")
                        + reference.offset(date, colon: true))
                #expect(formatting.longForm(date)
                        == reference.format(date, language == "de" ? "%-d. %B %-Y" : "%B %-d, %-Y"))
            }
        }
    }

    @Test func utcTimestampsMatchFoundation() {
        let formatter = ISO8601DateFormatter()
        for second in Self.randomSeconds(2_000, seed: 5) {
            let date = Date(timeIntervalSince1970: Double(second))
            #expect(Timestamp.utc(date) == formatter.string(from: date), "at \(second)")
        }
    }

    @Test func patternsBeyondASCII() throws {
        let formatting = DateFormatting(language: "de", timeZone: berlin)
        #expect(try formatting.format(marchNight, pattern: "%e. %B – „%A“ 🗓 %H:%M") == "7. März – „Montag“ 🗓 00:30")
        // A combining accent makes `%́` one character: it is text, not a directive.
        #expect(try formatting.format(marchNight, pattern: "%\u{301}%d") == "%\u{301}07")
        #expect(try formatting.format(marchNight, pattern: "%d\r\n%m") == "07\r\n03")
    }

    @Test func malformedPatterns() {
        let formatting = DateFormatting(language: "de", timeZone: berlin)
        for (pattern, message) in [
            ("100%", "date format ends with a lone '%'"), ("%d %-", "date format ends with a lone '%'"),
            ("%Q", "unknown directive '%Q' in date format"), ("ä %Ä", "unknown directive '%Ä' in date format"),
            ("%\r\n", "unknown directive '%\r\n' in date format"), ("%-\u{1F5D3}", "unknown directive '%\u{1F5D3}' in date format"),
        ] {
            #expect(throws: FilterError.self, "\(pattern)") { try formatting.format(midsummer, pattern: pattern) }
            do {
                _ = try formatting.format(midsummer, pattern: pattern)
            } catch {
                #expect(error.message == message)
            }
        }
    }
}

/// Dates printed from Foundation's calendar, the way the `date` filter's documentation
/// describes its directives: the oracle for `DateFormatting`.
struct ReferenceDates {
    let calendar: Calendar
    let german: Bool

    init(timeZone: TimeZone, german: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.german = german
    }

    static let months = (
        de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])
    static let shortMonths = (
        de: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    static let weekdays = (
        de: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
    static let shortWeekdays = (
        de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"], en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])

    func offset(_ date: Date, colon: Bool) -> String {
        let seconds = calendar.timeZone.secondsFromGMT(for: date)
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format: colon ? "%02d:%02d" : "%02d%02d", minutes / 60, minutes % 60)
    }

    func format(_ date: Date, _ pattern: String) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let (hour, minute, second, weekday) = (parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.weekday ?? 0)
        var out = ""
        var characters = Array(pattern)
        while !characters.isEmpty {
            let character = characters.removeFirst()
            guard character == "%" else {
                out.append(character)
                continue
            }
            let unpadded = characters.first == "-"
            if unpadded { characters.removeFirst() }
            func number(_ value: Int, _ width: Int = 2) -> String {
                unpadded ? String(value) : String(format: "%0\(width)d", value)
            }
            switch characters.removeFirst() {
            case "Y": out += number(year, 4)
            case "y": out += number(year % 100)
            case "m": out += number(month)
            case "d": out += number(day)
            case "e": out += String(day)
            case "H": out += number(hour)
            case "I": out += number(hour % 12 == 0 ? 12 : hour % 12)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "M": out += number(minute)
            case "S": out += number(second)
            case "B": out += (german ? Self.months.de : Self.months.en)[month - 1]
            case "b", "h": out += (german ? Self.shortMonths.de : Self.shortMonths.en)[month - 1]
            case "A": out += (german ? Self.weekdays.de : Self.weekdays.en)[weekday - 1]
            case "a": out += (german ? Self.shortWeekdays.de : Self.shortWeekdays.en)[weekday - 1]
            case "z": out += offset(date, colon: false)
            case "F": out += String(format: "%04d-%02d-%02d", year, month, day)
            case "T": out += String(format: "%02d:%02d:%02d", hour, minute, second)
            default: out += "%"
            }
        }
        return out
    }
}
