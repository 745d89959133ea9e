/// The growing output of one render: UTF-8 bytes, appended to in place.
///
/// Text, escaped values and safe HTML are copied straight into one byte array; the
/// result becomes a `String` once, at the end. Escaping scans bytes and copies the runs
/// between special characters in one go.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The output as text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` as it is.
    mutating func append(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `text` HTML-escaped: `& < > " '` become character references, which makes it
    /// safe in element content and in quoted attribute values alike.
    mutating func appendEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) } }
    }

    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for position in 0..<source.count {
            let byte = source[position]
            // Every special character is at most '>' (0x3E): most bytes leave here.
            guard byte <= 0x3E else { continue }
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27: break
            default: continue
            }
            if runStart < position { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<position])) }
            appendReference(for: byte)
            runStart = position + 1
        }
        if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, byte by byte (cheaper than a copy for so few).
    private mutating func appendReference(for byte: UInt8) {
        bytes.append(0x26)  // &
        switch byte {
        case 0x26: bytes.append(0x61); bytes.append(0x6D); bytes.append(0x70)  // amp
        case 0x3C: bytes.append(0x6C); bytes.append(0x74)  // lt
        case 0x3E: bytes.append(0x67); bytes.append(0x74)  // gt
        case 0x22: bytes.append(0x71); bytes.append(0x75); bytes.append(0x6F); bytes.append(0x74)  // quot
        default: bytes.append(0x23); bytes.append(0x33); bytes.append(0x39)  // #39
        }
        bytes.append(0x3B)  // ;
    }
}
