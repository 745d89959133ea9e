import Foundation

extension String {
    /// The text without leading and trailing whitespace and newlines, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, but without bridging
    /// the common case (nothing to trim) to `NSString`.
    public var trimmedOfWhitespace: String {
        let whitespace = CharacterSet.whitespacesAndNewlines
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if whitespace.contains(first) || whitespace.contains(last) {
            return trimmingCharacters(in: whitespace)
        }
        return self
    }
}
