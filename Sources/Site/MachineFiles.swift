import Basics
import Foundation
import Templates

/// The files written for machines rather than readers: Atom feeds (`MachineFiles+Feeds.swift`),
/// sitemaps and `robots.txt` (`MachineFiles+Sitemaps.swift`).
///
/// Dates come from the articles, never from the clock, so identical input gives identical files;
/// the one exception is the news sitemap's 48-hour window, which ends at the build's clock
/// (`SOURCE_DATE_EPOCH` when set), so two builds at the same time give the same file.
enum MachineFiles {
    /// Entries per feed.
    static let feedLength = 20

    /// RFC 3339 in UTC, e.g. `2022-06-22T08:15:00Z`.
    static func isoDate(_ date: Date) -> String { Timestamp.utc(date) }

    /// Escapes text for XML element content and attribute values, working on UTF-8 bytes
    /// (feeds carry whole article bodies, so this is on the hot path).
    static func xmlEscape(_ text: String) -> String { Escaping.xml(text) }
}
