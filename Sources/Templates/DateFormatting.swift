import Foundation

/// Dates as the `date` filter prints them: our own strftime subset, German or English
/// words, always in the site's timezone. Pure computation on a Gregorian calendar, so
/// it is deterministic and safe to use from any thread.
///
/// Directives: `%Y` year, `%y` two-digit year, `%m` month 01–12, `%d` day 01–31,
/// `%e` day without padding, `%H` hour 00–23, `%I` hour 01–12, `%p` AM/PM, `%M` minute,
/// `%S` second, `%B` month name, `%b` abbreviated month name, `%A` weekday name,
/// `%a` abbreviated weekday, `%z` UTC offset `+0200`, `%F` = `%Y-%m-%d`, `%T` = `%H:%M:%S`,
/// `%%` a percent sign. `%-d`, `%-m`, `%-H` … drop the zero padding of any number.
struct DateFormatting: Sendable {
    let isGerman: Bool
    let calendar: Calendar

    init(language: String, timeZone: TimeZone) {
        isGerman = language.lowercased().hasPrefix("de")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    private static let germanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                       "September", "Oktober", "November", "Dezember"]
    private static let germanShortMonths = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                                            "Nov", "Dez"]
    private static let germanWeekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
    private static let germanShortWeekdays = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December"]
    private static let englishShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                             "Nov", "Dec"]
    private static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let englishShortWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static let supported = "%Y %y %m %d %e %H %I %p %M %S %B %b %A %a %z %F %T %%"

    /// The calendar fields of `date` in the site's timezone.
    struct Fields {
        var year, month, day, hour, minute, second, weekday, offsetSeconds: Int
    }

    /// The fields come from integer arithmetic on the Unix time plus the zone's offset
    /// (a `Calendar.dateComponents` call per printed date dominated page rendering).
    func fields(of date: Date) -> Fields {
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Self.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        return Fields(
            year: year, month: month, day: day, hour: seconds / 3_600, minute: seconds % 3_600 / 60,
            second: seconds % 60, weekday: (days % 7 + 11) % 7 + 1, offsetSeconds: offset)
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01,
    /// counting in 400-year eras that start on 1 March.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// The language's long form: `22. Juni 2022` (German) or `June 22, 2022`.
    func longForm(_ date: Date) -> String {
        let fields = fields(of: date)
        let month = monthName(fields.month, short: false)
        return isGerman ? "\(fields.day). \(month) \(fields.year)" : "\(month) \(fields.day), \(fields.year)"
    }

    /// ISO 8601 with the site's offset, for `<time datetime>`: `2022-06-22T10:15:00+02:00`.
    func iso8601(_ date: Date) -> String {
        let fields = fields(of: date)
        return "\(pad(fields.year, 4))-\(pad(fields.month))-\(pad(fields.day))T"
            + "\(pad(fields.hour)):\(pad(fields.minute)):\(pad(fields.second))\(offset(fields.offsetSeconds, colon: true))"
    }

    /// `date` printed by `pattern`, a strftime-style format (see the type's documentation).
    func format(_ date: Date, pattern: String) throws(FilterError) -> String {
        let fields = fields(of: date)
        var out = ""
        var characters = pattern[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                out.append(character)
                continue
            }
            let unpadded = characters.first == "-"
            if unpadded { characters.removeFirst() }
            guard let directive = characters.popFirst() else {
                throw FilterError("date format ends with a lone '%'", hint: "write '%%' for a percent sign")
            }
            func number(_ value: Int, _ width: Int = 2) -> String { unpadded ? String(value) : pad(value, width) }
            switch directive {
            case "Y": out += number(fields.year, 4)
            case "y": out += number(fields.year % 100)
            case "m": out += number(fields.month)
            case "d": out += number(fields.day)
            case "e": out += String(fields.day)
            case "H": out += number(fields.hour)
            case "I": out += number(fields.hour % 12 == 0 ? 12 : fields.hour % 12)
            case "p": out += fields.hour < 12 ? "AM" : "PM"
            case "M": out += number(fields.minute)
            case "S": out += number(fields.second)
            case "B": out += monthName(fields.month, short: false)
            case "b", "h": out += monthName(fields.month, short: true)
            case "A": out += weekdayName(fields.weekday, short: false)
            case "a": out += weekdayName(fields.weekday, short: true)
            case "z": out += offset(fields.offsetSeconds, colon: false)
            case "F": out += "\(pad(fields.year, 4))-\(pad(fields.month))-\(pad(fields.day))"
            case "T": out += "\(pad(fields.hour)):\(pad(fields.minute)):\(pad(fields.second))"
            case "%": out += "%"
            default:
                throw FilterError("unknown directive '%\(directive)' in date format", hint: "supported: \(Self.supported)")
            }
        }
        return out
    }

    func monthName(_ month: Int, short: Bool) -> String {
        let names = isGerman
            ? (short ? Self.germanShortMonths : Self.germanMonths)
            : (short ? Self.englishShortMonths : Self.englishMonths)
        return names[min(max(month, 1), 12) - 1]
    }

    func weekdayName(_ weekday: Int, short: Bool) -> String {
        let names = isGerman
            ? (short ? Self.germanShortWeekdays : Self.germanWeekdays)
            : (short ? Self.englishShortWeekdays : Self.englishWeekdays)
        return names[min(max(weekday, 1), 7) - 1]
    }

    private func offset(_ seconds: Int, colon: Bool) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60) + (colon ? ":" : "") + pad(minutes % 60)
    }
}

/// `value` as decimal digits, zero-padded to `width`.
private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(abs(value))
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
}

/// Machine-readable timestamps for the files next to the pages (feeds, sitemaps).
public enum Timestamp {
    /// RFC 3339 in UTC, whole seconds: `2022-06-22T08:15:00Z`.
    public static func utc(_ date: Date) -> String {
        let time = Int(date.timeIntervalSince1970.rounded(.down))
        let days = time >= 0 ? time / 86_400 : -((-time + 86_399) / 86_400)
        let seconds = time - days * 86_400
        let (year, month, day) = DateFormatting.civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(seconds / 3_600)):\(pad(seconds % 3_600 / 60)):\(pad(seconds % 60))Z"
    }
}
