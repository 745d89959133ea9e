import Foundation

/// The UTC offsets of one time zone from 1900 to 2100, read from Foundation once as a
/// table of transitions: finding the offset of a date is then a binary search instead of
/// a `TimeZone` call per printed date. Dates outside the table ask Foundation.
struct ZoneOffsets: Sendable {
    let timeZone: TimeZone
    /// Instants (Unix seconds) from which `offsets` apply, ascending; the first is 1900-01-01.
    private let starts: [Int]
    private let offsets: [Int]
    /// The first second after the table (2100-01-01), or `starts[0]` when there is no table.
    private let end: Int

    static let tableStart = -2_208_988_800
    static let tableEnd = 4_102_444_800
    /// More transitions than any zone has in two centuries: a zone that reports more is not tabled.
    private static let maxTransitions = 2_000

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var starts = [Self.tableStart]
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.tableStart)))]
        var date = Date(timeIntervalSince1970: Double(Self.tableStart))
        var end = Self.tableEnd
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < Double(Self.tableEnd) {
            let instant = next.timeIntervalSince1970
            // Whole seconds only, always moving on: anything else and Foundation answers every date.
            guard next > date, instant == instant.rounded(), starts.count < Self.maxTransitions else {
                end = Self.tableStart
                break
            }
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                starts.append(Int(instant))
                offsets.append(offset)
            }
            date = next
        }
        self.starts = starts
        self.offsets = offsets
        self.end = end
    }

    /// Seconds east of UTC at `date`; `time` is `date` in whole Unix seconds, rounded down.
    func secondsFromGMT(for date: Date, time: Int) -> Int {
        guard time >= Self.tableStart, time < end else { return timeZone.secondsFromGMT(for: date) }
        // The last start at or before `time`.
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= time { low = middle } else { high = middle }
        }
        return offsets[low]
    }
}
