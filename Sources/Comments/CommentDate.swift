import Basics
import Foundation

/// ISO 8601 timestamps of comment exports: `2022-06-23T08:12:00Z`,
/// `2022-06-23T10:12:00.250+02:00`. A time zone (`Z` or an offset) is required, since a
/// comment export does not say which zone it was written in.
///
/// Parsed by hand rather than with `ISO8601DateFormatter`, so one routine accepts every
/// variant, is exact about ranges, and is fast for exports with many thousand comments.
/// Times are kept to the millisecond, which makes `string(from:)` and `date(from:)` round-trip.
public enum CommentDate {
    /// The date for an ISO 8601 timestamp with time zone, or nil.
    ///
    /// Accepts `T`, `t` or a space between date and time, optional seconds, any number of
    /// fraction digits (kept to the millisecond), and `Z`, `±HH:MM`, `±HHMM` or `±HH`.
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2),
              hour < 24, minute < 60
        else { return nil }
        var second = 0
        var milliseconds = 0
        if scanner.skip(":") {
            guard let value = scanner.number(digits: 2), value < 60 else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fractionInMilliseconds() else { return nil }
                milliseconds = fraction
            }
        }
        guard let offset = scanner.zoneOffsetInSeconds(), scanner.isAtEnd else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1_000 + milliseconds) / 1_000)
    }

    /// `2022-06-23T08:12:00Z` in UTC; with `.250` milliseconds when the date has a fraction.
    public static func string(from date: Date) -> String {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1_000).rounded())
        let (seconds, milliseconds) = floorDivision(totalMilliseconds, 1_000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = CivilDate.date(days: days)
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        out += "T" + pad(secondOfDay / 3_600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if milliseconds != 0 { out += "." + pad(milliseconds, 3) }
        return out + "Z"
    }

    private static func floorDivision(_ a: Int, _ b: Int) -> (Int, Int) {
        let remainder = a % b
        return remainder < 0 ? (a / b - 1, remainder + b) : (a / b, remainder)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}

/// Reads the fixed-width fields of a timestamp.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` ASCII digits.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    /// One or more fraction digits, rounded to milliseconds (at most 999, never carrying over).
    mutating func fractionInMilliseconds() -> Int? {
        var milliseconds = 0
        var count = 0
        var roundUp = false
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let digit = Int(bytes[index] - UInt8(ascii: "0"))
            if count < 3 { milliseconds = milliseconds * 10 + digit } else if count == 3 { roundUp = digit >= 5 }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { milliseconds *= 10 }
        return roundUp ? min(milliseconds + 1, 999) : milliseconds
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, as seconds east of UTC.
    mutating func zoneOffsetInSeconds() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours < 24 else { return nil }
        var minutes = 0
        if !isAtEnd {
            _ = skip(":")
            guard let value = number(digits: 2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
