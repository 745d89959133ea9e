import Foundation
import Images

/// The derivatives the build made, kept between builds in `.magbuild/<output>/images/` and
/// found by the picture's content and the settings they were made with
/// (``key(content:settings:formats:)``): a picture whose bytes did not change is never decoded
/// again, whatever its file is called, and identical pictures are made once.
///
/// Each entry is a folder named by its key holding `<width>x<height>.<ext>` files and, written
/// last, a `complete` file listing them with their sizes. It is made under a temporary name
/// and renamed into place; an entry whose list does not match its files is not used. Entries
/// are never changed, only removed when no picture uses them (``removeAll(except:)``), by
/// renaming them away first.
struct PictureStore: Sendable {
    let root: String

    /// The derivatives of one picture as the store holds them.
    struct Entry: Sendable, Hashable {
        let key: Digest
        /// The whole picture's widths, then the card crop's, then the social crop; within each,
        /// largest first, and for each width the original's format first (``Picture`` relies on it).
        let files: [Stored]

        init(key: Digest, files: [Stored]) {
            self.key = key
            let ordered = zip(files, files.dropFirst()).allSatisfy { !Self.precedes($1, $0) }
            self.files = ordered ? files : files.sorted(by: Self.precedes)
        }

        private static func precedes(_ a: Stored, _ b: Stored) -> Bool {
            (a.crop?.order ?? 0, b.width, a.format.order) < (b.crop?.order ?? 0, a.width, b.format.order)
        }
    }

    /// One derivative file of an entry: a width of the whole picture or of one of its crops.
    struct Stored: Sendable, Hashable {
        let width: Int
        let height: Int
        let format: Derivative.Format
        let crop: Crop?

        /// `800x450.webp`, `card-800x450.webp`, `social-1200x630.jpg`.
        var name: String { (crop.map { $0.rawValue + "-" } ?? "") + "\(width)x\(height).\(format.fileExtension)" }

        init(width: Int, height: Int, format: Derivative.Format, crop: Crop? = nil) {
            self.width = width
            self.height = height
            self.format = format
            self.crop = crop
        }

        /// The file named `name`; nil for anything else.
        init?(name: String) {
            let parts = name.split(separator: ".")
            guard parts.count == 2, let format = Derivative.Format.allCases.first(where: { $0.fileExtension == parts[1] })
            else { return nil }
            var stem = parts[0]
            var crop: Crop?
            if let dash = stem.firstIndex(of: "-") {
                guard let named = Crop(rawValue: String(stem[..<dash])) else { return nil }
                crop = named
                stem = stem[stem.index(after: dash)...]
            }
            let size = stem.split(separator: "x")
            guard size.count == 2, let width = Int(size[0]), let height = Int(size[1]), width > 0, height > 0 else { return nil }
            self.init(width: width, height: height, format: format, crop: crop)
        }
    }

    /// The key of the derivatives of a picture with `content` made with `settings` in `formats`,
    /// and of its `crops` (nil: none), by this libvips (``Derivatives/version``).
    static func key(content: Digest, settings: DerivativeSettings, formats: [Derivative.Format], crops: CropSettings?) -> Digest {
        var hasher = DigestHasher(tag: "picture derivatives 3")
        hasher.combine(Derivatives.version)
        hasher.combine(content)
        let numbers = [settings.jpegQuality, settings.webpQuality, settings.webpEffort, settings.avifQuality, settings.avifEffort]
        for number in [settings.widths.count] + settings.widths + numbers { hasher.combine(number) }
        for format in formats { hasher.combine(format.rawValue) }
        hasher.combine(crops != nil)
        guard let crops else { return hasher.finalize() }
        for number in [crops.cardWidths.count] + crops.cardWidths + [crops.socialWidth] { hasher.combine(number) }
        hasher.combine(crops.focus != nil)
        if let focus = crops.focus {
            hasher.combine(focus.x)
            hasher.combine(focus.y)
        }
        return hasher.finalize()
    }

    func folder(_ key: Digest) -> String { root + "/" + key.description }

    /// Whether the entry `key` is in the store, complete.
    func contains(_ key: Digest) -> Bool { FilePaths.exists(folder(key) + "/" + Self.listName) }

    /// The file an entry lists its files in, written last.
    static let listName = "complete"

    /// The entry `key` as the store holds it, largest first; nil when it is not there or its
    /// files are not those its list names, with the sizes it gives.
    func entry(_ key: Digest) -> Entry? {
        let folder = folder(key)
        guard let list = FileManager.default.contents(atPath: folder + "/" + Self.listName) else { return nil }
        var files: [Stored] = []
        for line in String(decoding: list, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let stored = Stored(name: String(parts[0])), let size = Int(parts[1]),
                FilePaths.size(folder + "/" + stored.name) == size
            else { return nil }
            files.append(stored)
        }
        guard !files.isEmpty else { return nil }
        return Entry(key: key, files: files)
    }

    /// Makes the derivatives of the picture at `path` (described by `info`, its bytes' digest
    /// `content`) and stores them as entry `key`.
    /// - Throws: ``ImageError`` when the picture cannot be read, changed while it was read, or
    ///   the entry cannot be written.
    func make(
        _ key: Digest, from path: String, content: Digest, info: ImageInfo, settings: DerivativeSettings, crops: CropSettings?
    ) throws(ImageError) -> Entry {
        let temporary = root + "/.tmp-" + key.description + "-" + UUID().uuidString
        try writing { try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        // Each derivative is written as soon as it is made, not kept until the last one is.
        var list = ""
        var worth = WorthKeeping()
        try Derivatives.make(path, info: info, settings: settings, crops: crops) { derivative throws(ImageError) in
            guard worth.keeps(derivative) else { return }
            let stored = Stored(width: derivative.width, height: derivative.height, format: derivative.format, crop: derivative.crop)
            try writing { try FilePaths.write(derivative.bytes, to: temporary + "/" + stored.name) }
            list += "\(stored.name) \(derivative.bytes.count)\n"
        }
        // The entry is found by the bytes read before: a file replaced meanwhile (an editor
        // saving again) must not be stored under them.
        guard let data = FileManager.default.contents(atPath: path), Digest.of(data) == content else {
            throw .unreadable("the file changed while it was read; build again")
        }
        try writing { try FilePaths.write(Array(list.utf8), to: temporary + "/" + Self.listName) }
        // Another build (the preview beside `magbuild build`) may have stored the same entry
        // meanwhile; an incomplete one (a file lost since) is replaced.
        if rename(temporary, folder(key)) != 0, entry(key) == nil {
            let doomed = root + "/.gone-" + key.description + "-" + UUID().uuidString
            if rename(folder(key), doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
            _ = rename(temporary, folder(key))
        }
        guard let entry = entry(key) else { throw .unwritable("\(folder(key)): the store's entry is incomplete") }
        return entry
    }

    /// Runs `write`, a file operation in the store, with its failure as an ``ImageError``.
    private func writing(_ write: () throws -> Void) throws(ImageError) {
        do {
            try write()
        } catch {
            throw .unwritable("\(root): \(error)")
        }
    }

    /// Which derivatives (largest first) are kept: not those that are no smaller in bytes than
    /// a wider one of the same format and crop. A drawing's flat colours shrunk to a narrower
    /// PNG gain shades that cost more bytes than the wider file (a 1200-pixel drawing of 15 KB
    /// gave 38 KB at 800 pixels), and a phone should then load the wider one.
    struct WorthKeeping {
        private var smallest: [String: Int] = [:]

        mutating func keeps(_ derivative: Derivative) -> Bool {
            let kind = (derivative.crop?.rawValue ?? "") + derivative.format.rawValue
            if let wider = smallest[kind], derivative.bytes.count >= wider { return false }
            smallest[kind] = derivative.bytes.count
            return true
        }
    }

    /// Removes every entry but those in `keys`, and unfinished entries of interrupted builds
    /// older than an hour (a newer one may be the preview's, being made beside this build).
    /// Each entry is renamed away before it is removed, so a build stopped meanwhile leaves
    /// whole entries or none.
    func removeAll(except keys: Set<Digest>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        let kept = Set(keys.map(\.description))
        let hourAgo = Date().addingTimeInterval(-3600).timeIntervalSince1970
        for name in names where !kept.contains(name) {
            let path = root + "/" + name
            if name.hasPrefix(".tmp-"), let stamp = FileStamp.of(path), Double(stamp.seconds) > hourAgo { continue }
            let doomed = name.hasPrefix(".") ? path : root + "/.gone-" + name + "-" + UUID().uuidString
            if doomed != path, rename(path, doomed) != 0 { continue }
            try? FileManager.default.removeItem(atPath: doomed)
        }
    }
}

extension Crop {
    /// The order of an entry's files: the whole picture's widths, then the card crop's, then the social crop.
    var order: Int { self == .card ? 1 : 2 }
}

extension Derivative.Format {
    /// The order of formats within one width: the original's (JPEG, PNG), then the compact ones.
    var order: Int {
        switch self {
        case .jpeg: 0
        case .png: 1
        case .webp: 2
        case .avif: 3
        }
    }
}
