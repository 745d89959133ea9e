extension String {
    /// `first` then `second`, in a string of exactly their size.
    ///
    /// `a + b` leaves the result room to grow: it reserves up to twice `a`'s capacity
    /// (the standard library's growth rule for appends), whether or not anything is appended
    /// later. Strings a build keeps to its end, such as every derivative's path and the URLs
    /// in every teaser (590,000 and more at N=100,000), took close to twice their size that
    /// way (heaptrack; BENCHMARKS.md, "strings at their size"), so they are made with this.
    public init(concatenating first: String, _ second: String) {
        self.init(concatenating: first, second, "")
    }

    /// `first`, `second` and `third`, in a string of exactly their size.
    public init(concatenating first: String, _ second: String, _ third: String) {
        var first = first, second = second, third = third
        let count = first.utf8.count + second.utf8.count + third.utf8.count
        self = first.withUTF8 { a in
            second.withUTF8 { b in
                third.withUTF8 { c in
                    String(unsafeUninitializedCapacity: count) { buffer in
                        var end = 0
                        func append(_ part: UnsafeBufferPointer<UInt8>) {
                            guard !part.isEmpty else { return }
                            _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + part.count]).initialize(from: part)
                            end += part.count
                        }
                        append(a)
                        append(b)
                        append(c)
                        return end
                    }
                }
            }
        }
    }
}
