/// `"Artikel \(number)"` as a `Value`: interpolated string literals build `.string` values.
extension Value: ExpressibleByStringInterpolation {}
