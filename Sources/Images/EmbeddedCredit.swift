import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The credit a photo carries in its metadata, as agencies write it: the photographer
/// (IPTC By-line, XMP `dc:creator`), the agency or provider (IPTC Credit, XMP
/// `photoshop:Credit`) and the copyright notice (IPTC Copyright Notice, XMP `dc:rights`).
/// IPTC wins where both have a field.
public struct EmbeddedCredit: Sendable, Equatable {
    public var byline: String?
    public var credit: String?
    public var copyright: String?

    public init(byline: String? = nil, credit: String? = nil, copyright: String? = nil) {
        self.byline = byline
        self.credit = credit
        self.copyright = copyright
    }

    /// The credit line, without a "Photo:" label: `Erika Muster/dpa` (photographer and
    /// agency), the one of them there is, or else the copyright notice; nil when the photo
    /// says nothing.
    public var line: String? {
        switch (byline, credit) {
        case let (byline?, credit?): byline == credit ? byline : "\(byline)/\(credit)"
        case let (byline?, nil): byline
        case let (nil, credit?): credit
        case (nil, nil): copyright
        }
    }

    init(iptc: [UInt8]?, xmp: [UInt8]?) {
        let fromIPTC = iptc.map(Self.iptc) ?? EmbeddedCredit()
        let fromXMP = xmp.map(Self.xmp) ?? EmbeddedCredit()
        byline = fromIPTC.byline ?? fromXMP.byline
        credit = fromIPTC.credit ?? fromXMP.credit
        copyright = fromIPTC.copyright ?? fromXMP.copyright
    }

    /// The fields of IPTC-IIM datasets of record 2 (each `0x1C 0x02 dataset length(2) value`)
    /// wherever they are in `bytes` (libvips hands over the JPEG's APP13 segment, Photoshop's
    /// resource blocks around them).
    static func iptc(_ bytes: [UInt8]) -> EmbeddedCredit {
        var found = EmbeddedCredit()
        var index = 0
        while index + 5 <= bytes.count {
            guard bytes[index] == 0x1C, bytes[index + 1] == 0x02, bytes[index + 3] & 0x80 == 0 else {
                index += 1
                continue
            }
            let dataset = bytes[index + 2]
            let length = Int(bytes[index + 3]) << 8 | Int(bytes[index + 4])
            let start = index + 5
            // Bytes that only look like a dataset (inside another resource block) run past the end.
            guard start + length <= bytes.count else {
                index += 1
                continue
            }
            let value = text(bytes[start..<start + length])
            switch dataset {
            case 80: found.byline = found.byline ?? value
            case 110: found.credit = found.credit ?? value
            case 116: found.copyright = found.copyright ?? value
            default: break
            }
            index = start + length
        }
        return found
    }

    /// UTF-8 when the bytes are (agencies write it today), else Latin-1 (older files); trimmed, nil when empty.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        let decoded = String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        let trimmed = decoded.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The fields of an XMP packet: as attributes of `rdf:Description` or as elements, the
    /// first `rdf:li` of a list. A packet that is not XML the parser can be given whatever it
    /// makes of it (``XMPPacket/isReadable(_:)``) says nothing: the parser would end the
    /// build. (Stopping the parser at its first error is no way out: from its error callback,
    /// `abortParsing()` itself ends the process on some packets, e.g. one declaring UTF-32.)
    static func xmp(_ bytes: [UInt8]) -> EmbeddedCredit {
        // Packets may end in padding and NUL bytes after the closing tag.
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        guard XMPPacket.isReadable(bytes[..<end]) else { return EmbeddedCredit() }
        let reader = XMPReader()
        let parser = XMLParser(data: Data(bytes[..<end]))
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        _ = parser.parse()
        return reader.found
    }
}

/// Collects the credit fields of an XMP packet (``EmbeddedCredit/xmp(_:)``).
private final class XMPReader: NSObject, XMLParserDelegate {
    var found = EmbeddedCredit()
    private var field: WritableKeyPath<EmbeddedCredit, String?>?
    private var text = ""

    private static func key(_ name: String) -> WritableKeyPath<EmbeddedCredit, String?>? {
        switch name {
        case "dc:creator": \.byline
        case "photoshop:Credit": \.credit
        case "dc:rights": \.copyright
        default: nil
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        for (attribute, value) in attributes {
            if let key = Self.key(attribute) { keep(value, at: key) }
        }
        if let key = Self.key(name) {
            field = key
        } else if name == "rdf:li" || field != nil {
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if field != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let key = field else { return }
        if name == "rdf:li" || Self.key(name) == key {
            keep(text, at: key)
            text = ""
        }
        if Self.key(name) == key { field = nil }
    }

    private func keep(_ value: String, at key: WritableKeyPath<EmbeddedCredit, String?>) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, found[keyPath: key] == nil { found[keyPath: key] = trimmed }
    }
}
