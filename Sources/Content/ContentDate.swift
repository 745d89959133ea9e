import Basics
import Foundation

/// Dates as editors write them in front matter (README, "Writing an article").
///
/// Accepted forms:
/// - `2022-06-22T10:15:00+02:00`: ISO 8601 with an offset (`Z`, `+02:00`, `+0200` or `+02`);
///   seconds and fractions of a second are optional, `T` may be a space.
/// - `2022-06-22T10:15` or `2022-06-22T10:15:00`: a local time in the site's time zone.
/// - `2022-06-22`: midnight at the start of that day in the site's time zone.
///
/// Fields are checked (month 1–12, day within the month, hour 0–23, minute and second 0–59,
/// offset at most ±18:00); anything else is not a date.
public enum ContentDate {
    /// The hint shown with a bad date.
    public static let formatHint = "use YYYY-MM-DD or 2022-06-22T10:15:00+02:00"

    /// The instant `text` names, reading times without an offset in `timeZone`; nil if `text` is not a date.
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        var scanner = DateScanner(text.trimmingCharacters(in: .whitespaces))
        guard let fields = scanner.scan(), fields.isValid else { return nil }
        if let offset = fields.offsetSeconds {
            let days = CivilDate.days(year: fields.year, month: fields.month, day: fields.day)
            let seconds = Double(days * 86_400 + fields.hour * 3_600 + fields.minute * 60 + fields.second)
            return Date(timeIntervalSince1970: seconds + fields.fraction - Double(offset))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: fields.year, month: fields.month, day: fields.day,
            hour: fields.hour, minute: fields.minute, second: fields.second)
        return calendar.date(from: components).map { $0.addingTimeInterval(fields.fraction) }
    }
}

/// The fields of a date as written, before they are checked.
struct DateFields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var fraction = 0.0
    /// Seconds east of UTC, or nil for a local time.
    var offsetSeconds: Int?

    var isValid: Bool {
        (1...12).contains(month) && (1...CivilDate.daysIn(month: month, year: year)).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
            && abs(offsetSeconds ?? 0) <= 18 * 3_600
    }
}

/// Reads `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][ ](Z|±HH[:MM]|±HHMM)]`.
struct DateScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func scan() -> DateFields? {
        var fields = DateFields()
        guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2)
        else { return nil }
        (fields.year, fields.month, fields.day) = (year, month, day)
        if atEnd { return fields }
        guard take("T") || take("t") || take(" ") else { return nil }
        guard let hour = digits(2), take(":"), let minute = digits(2) else { return nil }
        (fields.hour, fields.minute) = (hour, minute)
        if take(":") {
            guard let second = digits(2) else { return nil }
            fields.second = second
            if take(".") {
                let start = index
                while let byte = peek, isDigit(byte) { index += 1 }
                guard index > start, let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
                else { return nil }
                fields.fraction = value
            }
        }
        while take(" ") {}
        if atEnd { return fields }
        if take("Z") || take("z") {
            fields.offsetSeconds = 0
        } else {
            guard let sign = take("+") ? 1 : take("-") ? -1 : nil, let hours = digits(2) else { return nil }
            var minutes = 0
            if take(":") {
                guard let value = digits(2) else { return nil }
                minutes = value
            } else if let value = digits(2) {
                minutes = value
            }
            guard minutes < 60 else { return nil }
            fields.offsetSeconds = sign * (hours * 3_600 + minutes * 60)
        }
        return atEnd ? fields : nil
    }

    private var atEnd: Bool { index == bytes.count }
    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }
}
