import Basics
import Foundation

/// Dates as the `date` filter prints them: our own strftime subset, German or English
/// words, always in the site's timezone. Pure computation on a Gregorian calendar and a
/// table of the zone's offsets (`ZoneOffsets`), so it is deterministic and safe to use
/// from any thread.
///
/// Directives: `%Y` year, `%y` two-digit year, `%m` month 01–12, `%d` day 01–31,
/// `%e` day without padding, `%H` hour 00–23, `%I` hour 01–12, `%p` AM/PM, `%M` minute,
/// `%S` second, `%B` month name, `%b` abbreviated month name, `%A` weekday name,
/// `%a` abbreviated weekday, `%z` UTC offset `+0200`, `%F` = `%Y-%m-%d`, `%T` = `%H:%M:%S`,
/// `%%` a percent sign. `%-d`, `%-m`, `%-H` … drop the zero padding of any number.
struct DateFormatting: Sendable {
    let isGerman: Bool
    let zone: ZoneOffsets

    init(language: String, timeZone: TimeZone) {
        isGerman = language.lowercased().hasPrefix("de")
        zone = ZoneOffsets(timeZone)
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

    /// The fields come from integer arithmetic on the Unix time plus the zone's offset,
    /// looked up in a table of the zone's transitions.
    func fields(of date: Date) -> Fields {
        let time = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.secondsFromGMT(for: date, time: time)
        let local = time + offset
        let days = CivilDate.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        let (year, month, day) = CivilDate.date(days: days)
        return Fields(
            year: year, month: month, day: day, hour: seconds / 3_600, minute: seconds % 3_600 / 60,
            second: seconds % 60, weekday: (days % 7 + 11) % 7 + 1, offsetSeconds: offset)
    }

    /// The language's long form: `22. Juni 2022` (German) or `June 22, 2022`.
    func longForm(_ date: Date) -> String {
        let fields = fields(of: date)
        var out = DateText()
        if isGerman {
            out.number(fields.day, width: 1)
            out.append(". ")
            out.append(monthName(fields.month, short: false))
            out.append(" ")
            out.number(fields.year, width: 1)
        } else {
            out.append(monthName(fields.month, short: false))
            out.append(" ")
            out.number(fields.day, width: 1)
            out.append(", ")
            out.number(fields.year, width: 1)
        }
        return out.string
    }

    /// ISO 8601 with the site's offset, for `<time datetime>`: `2022-06-22T10:15:00+02:00`.
    func iso8601(_ date: Date) -> String {
        let fields = fields(of: date)
        var out = DateText()
        out.day(fields)
        out.byte(UInt8(ascii: "T"))
        out.time(fields)
        out.offset(fields.offsetSeconds, colon: true)
        return out.string
    }

    /// `date` printed by `pattern`, a strftime-style format (see the type's documentation).
    func format(_ date: Date, pattern: String) throws(FilterError) -> String {
        let fields = fields(of: date)
        var out = DateText()
        // One byte is one character in ASCII without CR (CR LF is one character); other
        // patterns take the slower way through characters.
        let fast: Bool? = pattern.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                guard byte == UInt8(ascii: "%") else {
                    out.byte(byte)
                    continue
                }
                let unpadded = position < bytes.count && bytes[position] == UInt8(ascii: "-")
                if unpadded { position += 1 }
                guard position < bytes.count else { return false }
                guard out.directive(bytes[position], unpadded: unpadded, fields: fields, names: self) else { return false }
                position += 1
            }
            return true
        }
        guard fast != true else { return out.string }
        out = DateText()
        var characters = pattern[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                out.append(String(character))
                continue
            }
            let unpadded = characters.first == "-"
            if unpadded { characters.removeFirst() }
            guard let directive = characters.popFirst() else {
                throw FilterError("date format ends with a lone '%'", hint: "write '%%' for a percent sign")
            }
            guard directive.utf8.count == 1, let byte = directive.utf8.first,
                  out.directive(byte, unpadded: unpadded, fields: fields, names: self)
            else {
                throw FilterError("unknown directive '%\(directive)' in date format", hint: "supported: \(Self.supported)")
            }
        }
        return out.string
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
}

/// The UTF-8 bytes of a date being printed: up to 48 bytes (every date the built-in
/// forms print) in inline storage, longer patterns in an array, so the common case
/// allocates only the finished `String`.
private struct DateText {
    private static let inlineCapacity = 48
    private var inline: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private var count = 0
    /// All the bytes once there are more than fit inline.
    private var spilled: [UInt8]? = nil

    var string: String {
        if let spilled { return String(decoding: spilled, as: UTF8.self) }
        var copy = inline
        return withUnsafeBytes(of: &copy) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }

    mutating func byte(_ byte: UInt8) {
        if count < Self.inlineCapacity, spilled == nil {
            let position = count
            withUnsafeMutableBytes(of: &inline) { $0[position] = byte }
        } else {
            if spilled == nil {
                var copy = inline
                spilled = withUnsafeBytes(of: &copy) { Array($0.prefix(count)) }
            }
            spilled?.append(byte)
        }
        count += 1
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 { self.byte(byte) }
    }

    /// `value` in decimal digits, zero-padded to `width`, a minus sign in front of the padding.
    mutating func number(_ value: Int, width: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        var digits = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        if digits < width { for _ in digits..<width { byte(UInt8(ascii: "0")) } }
        while divisor > 0 {
            byte(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// `2022-06-22`
    mutating func day(_ fields: DateFormatting.Fields) {
        number(fields.year, width: 4)
        byte(UInt8(ascii: "-"))
        number(fields.month, width: 2)
        byte(UInt8(ascii: "-"))
        number(fields.day, width: 2)
    }

    /// `10:15:00`
    mutating func time(_ fields: DateFormatting.Fields) {
        number(fields.hour, width: 2)
        byte(UInt8(ascii: ":"))
        number(fields.minute, width: 2)
        byte(UInt8(ascii: ":"))
        number(fields.second, width: 2)
    }

    /// `+0200`, or `+02:00` with `colon`.
    mutating func offset(_ seconds: Int, colon: Bool) {
        byte(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(seconds) / 60
        number(minutes / 60, width: 2)
        if colon { byte(UInt8(ascii: ":")) }
        number(minutes % 60, width: 2)
    }

    /// Appends what `%directive` prints; false for an unknown directive.
    mutating func directive(_ directive: UInt8, unpadded: Bool, fields: DateFormatting.Fields,
                            names: DateFormatting) -> Bool
    {
        let width = unpadded ? 1 : 2
        switch directive {
        case UInt8(ascii: "Y"): number(fields.year, width: unpadded ? 1 : 4)
        case UInt8(ascii: "y"): number(fields.year % 100, width: width)
        case UInt8(ascii: "m"): number(fields.month, width: width)
        case UInt8(ascii: "d"): number(fields.day, width: width)
        case UInt8(ascii: "e"): number(fields.day, width: 1)
        case UInt8(ascii: "H"): number(fields.hour, width: width)
        case UInt8(ascii: "I"): number(fields.hour % 12 == 0 ? 12 : fields.hour % 12, width: width)
        case UInt8(ascii: "p"): append(fields.hour < 12 ? "AM" : "PM")
        case UInt8(ascii: "M"): number(fields.minute, width: width)
        case UInt8(ascii: "S"): number(fields.second, width: width)
        case UInt8(ascii: "B"): append(names.monthName(fields.month, short: false))
        case UInt8(ascii: "b"), UInt8(ascii: "h"): append(names.monthName(fields.month, short: true))
        case UInt8(ascii: "A"): append(names.weekdayName(fields.weekday, short: false))
        case UInt8(ascii: "a"): append(names.weekdayName(fields.weekday, short: true))
        case UInt8(ascii: "z"): offset(fields.offsetSeconds, colon: false)
        case UInt8(ascii: "F"): day(fields)
        case UInt8(ascii: "T"): time(fields)
        case UInt8(ascii: "%"): byte(UInt8(ascii: "%"))
        default: return false
        }
        return true
    }
}

/// Machine-readable timestamps for the files next to the pages (feeds, sitemaps).
public enum Timestamp {
    /// RFC 3339 in UTC, whole seconds: `2022-06-22T08:15:00Z`.
    public static func utc(_ date: Date) -> String {
        let time = Int(date.timeIntervalSince1970.rounded(.down))
        let days = CivilDate.floorDivide(time, 86_400)
        let seconds = time - days * 86_400
        let (year, month, day) = CivilDate.date(days: days)
        let fields = DateFormatting.Fields(year: year, month: month, day: day, hour: seconds / 3_600,
                                           minute: seconds % 3_600 / 60, second: seconds % 60, weekday: 0, offsetSeconds: 0)
        var out = DateText()
        out.day(fields)
        out.byte(UInt8(ascii: "T"))
        out.time(fields)
        out.byte(UInt8(ascii: "Z"))
        return out.string
    }
}
