import Content
import Foundation
import Synchronization
import Testing
@testable import Site

/// Cache and quick-check files may be corrupt, truncated or hostile: reading one never
/// crashes or allocates for counts the file cannot hold; the build ignores it with one note.
@Suite struct CacheFileTests {
    /// The cache and quick-check files of a real build of the basic fixture.
    static let files: (cache: Data, quick: Data) = {
        let site = try! QuickCheckTests().settledWorkspace()
        _ = try! site.build()
        let folder = CacheFolder(output: site.output)
        return (try! Data(contentsOf: folder.cacheFile), try! Data(contentsOf: folder.quickFile))
    }()

    /// Whether the bytes decode, as a build cache or a quick check; a cache that decodes
    /// must decode again after writing it back.
    static func decodes(_ data: Data, quick: Bool) -> Bool {
        if quick {
            guard let check = QuickCheck.decode(data).value else { return false }
            var writer = CacheWriter(QuickCheck.magic)
            check.write(to: &writer)
            #expect(QuickCheck.decode(Data(writer.bytes)).value != nil)
            return true
        }
        guard let cache = BuildCache.decode(data).value else { return false }
        var writer = CacheWriter(BuildCache.magic)
        cache.write(to: &writer)
        #expect(BuildCache.decode(Data(writer.bytes)).value != nil)
        return true
    }

    /// The spare copy's keys are kept as their difference from the output's, and come back
    /// whole: the previous output's keys, given what the build added, changed and removed.
    @Test func theSpareCopysKeysComeBackFromTheirDifference() throws {
        let key = { (n: UInt64) in Digest(high: n, low: ~n) }
        let previous = ["a.html": key(1), "b.html": key(2), "c.html": key(3)]
        let outputs = [("a.html", key(1)), ("b.html", key(4)), ("d.html", key(5))].map {
            PlannedOutput(path: $0, key: $1, source: .text(""))
        }
        let changes = OutputChanges(outputs, previous: previous, jobs: 2)
        #expect(changes == OutputChanges(added: ["d.html"], changed: ["b.html"], removed: ["c.html"]))
        let spare = SpareKeys(previous: previous, changes: changes)
        #expect(spare.differing == ["b.html": key(2), "c.html": key(3)] && spare.lacking == ["d.html"])
        let now = Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, $0.key) })
        #expect(spare.keys(outputs: now) == previous)
        var writer = CacheWriter([])
        spare.write(to: &writer)
        var reader = CacheReader(Data(writer.bytes))
        #expect(try SpareKeys(from: &reader) == spare)
        #expect(reader.isAtEnd)
        #expect(OutputChanges(outputs, previous: now, jobs: 2).count == 0, "a plan against its own keys changes nothing")
    }

    /// A writer that streams to a file writes the bytes a writer in memory holds, also for a
    /// block larger than what it keeps before passing on (which goes to the file as it is).
    @Test func aStreamingWriterWritesWhatAWriterInMemoryHolds() throws {
        let block = (0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let keys = Dictionary(uniqueKeysWithValues: (0..<200_000).map { ("seite/\($0)/index.html", Digest(high: UInt64($0), low: 7)) })
        func body(_ writer: inout CacheWriter) {
            writer.write("vorher")
            writer.write(bytes: block)
            BuildCache.writeKeys(keys, to: &writer)
            writer.write(bytes: [1, 2, 3])
        }
        var memory = CacheWriter([9])
        body(&memory)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try CacheWriter.writeFile(file.path, header: [9]) { body(&$0) }
        #expect(try Data(contentsOf: file) == Data(memory.bytes))
    }

    /// Every front matter field survives the cache: an article taken from it is the article read.
    @Test func frontMatterWithEveryFieldComesBackEqual() throws {
        let front = FrontMatter(
            title: "T", teaser: "D", date: Date(timeIntervalSince1970: 1_700_000_000),
            updated: Date(timeIntervalSince1970: 1_700_086_400), authors: ["A", "B"], column: "C", tags: ["x"],
            image: LeadImage(src: "lead.jpg", alt: "alt", caption: "cap", credit: "cred", focus: .init(x: 0.25, y: 1)), related: ["politik/a"],
            comments: .closed, featured: true, draft: true, slug: "s", aliases: ["/alt/"], kicker: "K", wordpressID: 42)
        var writer = CacheWriter([])
        front.write(to: &writer)
        var reader = CacheReader(Data(writer.bytes))
        #expect(try FrontMatter(from: &reader) == front)
        #expect(reader.isAtEnd)
    }

    /// A picture's record survives the cache: its derivatives and crops are found again without reading it.
    @Test func aPictureRecordComesBackEqual() throws {
        let cache = try #require(BuildCache.decode(Self.files.cache).value)
        let record = try #require(cache.pictures["content/politik/erste-meldung/lead.png"])
        #expect(record.info.format == .png && record.info.width == 160 && record.info.height == 90)
        let files = try #require(record.entries.first?.files)
        #expect(files.contains { $0.crop == .social } && files.contains { $0.crop == nil && $0.format == .webp })
        var writer = CacheWriter([])
        record.write(to: &writer)
        var reader = CacheReader(Data(writer.bytes))
        #expect(try PictureRecord(from: &reader) == record)
        #expect(reader.isAtEnd)
    }

    @Test(arguments: [false, true])
    func aRealFileDecodesAndNoTruncationOfItDoes(quick: Bool) {
        let data = quick ? Self.files.quick : Self.files.cache
        #expect(Self.decodes(data, quick: quick))
        for length in 0..<data.count where Self.decodes(data.prefix(length), quick: quick) {
            Issue.record("decoded when cut to \(length) of \(data.count) bytes")
            return
        }
    }

    @Test(arguments: [false, true])
    func flippedBytesNeverCrash(quick: Bool) {
        let data = quick ? Self.files.quick : Self.files.cache
        var random = SplitMix64(seed: 0x5EED_CAC4E)
        var decoded = 0
        for _ in 0..<3000 {
            var bytes = [UInt8](data)
            for _ in 0...random.int(0..<3) {
                bytes[random.int(0..<bytes.count)] ^= UInt8(1 << random.int(0..<8))
            }
            if Self.decodes(Data(bytes), quick: quick) { decoded += 1 }
        }
        // Flips inside strings or numbers may still make a well-formed file; most do not.
        #expect(decoded < 3000)
    }

    /// A cache that promises 2^60 articles (or output keys) after its header.
    @Test(arguments: [0, 1])
    func aCountOf2To60IsUnreadable(field: Int) {
        var writer = CacheWriter(BuildCache.magic)
        writer.write(BuildCache.format)
        writer.write(Digest.zero)
        writer.write(Digest.zero)
        if field == 1 { writer.write(0) }
        writer.write(UInt64(1) << 60)
        writer.write(Data(repeating: 0, count: 64).base64EncodedString())
        guard case .unreadable = BuildCache.decode(Data(writer.bytes)) else {
            Issue.record("decoded")
            return
        }
    }

    @Test func aQuickCheckWith2To60WarningsOrEntriesIsUnreadable() {
        for field in 0..<3 {
            var writer = CacheWriter(QuickCheck.magic)
            writer.write(Digest.zero)
            writer.write(FileStamp.absent)
            writer.write(FolderIdentity(inode: 1, seconds: 2, nanoseconds: 3))
            writer.write(false)
            writer.write(BuildCache.Counts(pages: 1, files: 2, comments: 3))
            for _ in 0..<field { writer.write(0) }
            writer.write(UInt64(1) << 60)
            writer.write("padding")
            #expect(QuickCheck.decode(Data(writer.bytes)).value == nil, "field \(field)")
        }
    }

    @Test func numbersOutOfRangeAreUnreadable() {
        var reader = CacheReader(Data(CacheWriter().with(UInt64(1) << 50)))
        #expect(throws: CacheFormatError.self) { try reader.natural() }
        for seconds in [Double.nan, .infinity, 1e300, -1e12] {
            var reader = CacheReader(Data(CacheWriter().with(seconds.bitPattern)))
            #expect(throws: CacheFormatError.self) { try reader.date() }
        }
        var fine = CacheReader(Data(CacheWriter().with(Double(86_400).bitPattern)))
        #expect((try? fine.date()) == Date(timeIntervalSinceReferenceDate: 86_400))
    }

    @Test func anUnreadableFileIsNotedOnceAndAnOldFormatNotAtAll() throws {
        let site = try QuickCheckTests().settledWorkspace()
        try site.build()
        let notes = Notes()
        let folder = CacheFolder(output: site.output, note: notes.add)
        let identity = BuildDriver.identity(of: site.options())
        #expect(folder.cache(matching: identity) != nil)

        var old = CacheWriter(BuildCache.magic)
        old.write(BuildCache.format - 1)
        try Data(old.bytes + [1, 2, 3]).write(to: folder.cacheFile)
        try Data("MAGBUILD-QUICK-1 and more".utf8).write(to: folder.quickFile)
        #expect(folder.cache(matching: identity) == nil)
        #expect(QuickCheck.holds(in: folder, identity: identity, site: site.site, now: Date(), jobs: 1) == nil)
        #expect(notes.all.isEmpty)

        try Data(Self.files.cache.prefix(100)).write(to: folder.cacheFile)
        try Data(Self.files.quick.prefix(100)).write(to: folder.quickFile)
        for _ in 0..<2 {
            #expect(QuickCheck.holds(in: folder, identity: identity, site: site.site, now: Date(), jobs: 1) == nil)
            #expect(folder.cache(matching: identity) == nil)
        }
        #expect(notes.all == [
            "build cache \(folder.quickFile.path) is unreadable, comparing every input",
            "build cache \(folder.cacheFile.path) is unreadable, building from scratch",
        ])

        // The build starts from scratch and writes a good cache again.
        #expect(try site.build().articlesRendered == 3)
        #expect(folder.cache(matching: identity) != nil)
    }
}

/// Notes collected from any thread.
private final class Notes: Sendable {
    private let notes = Mutex<[String]>([])
    var all: [String] { notes.withLock { $0 } }
    @Sendable func add(_ note: String) { notes.withLock { $0.append(note) } }
}

private extension CacheWriter {
    func with(_ value: UInt64) -> [UInt8] {
        var writer = self
        writer.write(value)
        return writer.bytes
    }
}
