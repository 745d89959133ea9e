extension String {
    /// `parts` one after the other, in a string of exactly their size.
    ///
    /// `a + b` leaves the result room to grow: it reserves up to twice `a`'s capacity
    /// (the standard library's growth rule for appends), whether or not anything is appended
    /// later. Strings a build keeps to its end, such as every derivative's path and the URLs
    /// in every teaser (590,000 and more at N=100,000), took close to twice their size that
    /// way (heaptrack; BENCHMARKS.md, "strings at their size"), so they are made with this.
    public init(concatenating parts: String...) {
        var count = 0
        for part in parts { count += part.utf8.count }
        self.init()
        reserveCapacity(count)
        for part in parts { append(part) }
    }
}
