import Foundation
import Testing
@testable import Basics

@Suite struct CivilDateTests {
    @Test func knownDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDate.date(days: 19_165) == (2022, 6, 22))
        #expect(CivilDate.date(days: -719_528) == (0, 1, 1))
    }

    /// Every day from year -400 to 2800 goes there and back; from 1600 on it agrees with Foundation's calendar.
    @Test func roundTripsAndAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var mismatches: [Int] = []
        for days in stride(from: -865_000, through: 303_000, by: 1) {
            let (year, month, day) = CivilDate.date(days: days)
            if CivilDate.days(year: year, month: month, day: day) != days { mismatches.append(days) }
            // Foundation's calendar is Julian before October 1582.
            guard days % 997 == 0, year >= 1600 else { continue }
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let fields = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(fields.year == year && fields.month == month && fields.day == day, "\(days)")
            #expect(CivilDate.daysIn(month: month, year: year) == calendar.range(of: .day, in: .month, for: date)?.count)
        }
        #expect(mismatches.isEmpty)
    }

    @Test func floorDivideRoundsDown() {
        #expect(CivilDate.floorDivide(-1, 86_400) == -1)
        #expect(CivilDate.floorDivide(-86_400, 86_400) == -1)
        #expect(CivilDate.floorDivide(86_399, 86_400) == 0)
    }
}
