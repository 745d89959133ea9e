import Basics
import Diagnostics
import Foundation
import Images

/// What the build cache keeps about one picture file: enough to publish its derivatives
/// without reading the file again while its stamp is unchanged.
struct PictureRecord: Sendable, Equatable {
    /// Relative to the site folder (`content/politik/wahl/lead.jpg`).
    var file: String
    var stamp: FileStamp
    /// The digest of the file's bytes.
    var content: Digest
    var info: ImageInfo
    /// The store entries of its derivatives this build used (one per focus its crops were cut around).
    var entries: [PictureStore.Entry] = []
}

/// Makes the derivatives of every picture the site shows ("make pictures"): each file is
/// read and digested only when its stamp changed, and decoded only when the store has no
/// derivatives for its bytes and the settings (``PictureStore``). Pictures are made in
/// parallel, each decoded once, as many at once as a memory budget allows
/// (``MemoryBudget``); one picture alone gets all of libvips' threads.
struct PictureMaker: Sendable {
    let site: URL
    let store: PictureStore
    let settings: DerivativeSettings
    let jobs: Int
    /// The memory pictures in flight may need together, per job: two 2400-pixel photos at
    /// once on two jobs, a picture with transparency alone.
    static let memoryPerJob = 48 << 20

    /// A picture a page shows: where its original would be published and its file.
    struct Request: Sendable, Hashable {
        /// Site path (`/politik/wahl/lead.jpg`).
        let path: String
        /// Relative to the site folder (`content/politik/wahl/lead.jpg`).
        let file: String
        /// Whether the page shows the card and social crops: a lead image.
        var crops = false
        /// Where a lead image's crops are centred (`image.focus`).
        var focus: CropSettings.Focus? = nil
    }

    struct Made: Sendable {
        var pictures = Pictures()
        /// By file, for the next build.
        var records: [String: PictureRecord] = [:]
        var diagnostics: [Diagnostic] = []
        /// How many pictures were decoded.
        var decoded = 0
    }

    func make(_ requests: [Request], previous: [String: PictureRecord]) -> Made {
        var made = Made()
        var records = read(Array(Set(requests.map(\.file))).sorted(), previous: previous, diagnostics: &made.diagnostics)
        // A picture's crops centre on the focus of the first request for its published path.
        var chosen: [String: Request] = [:]
        for request in requests where chosen[request.path] == nil { chosen[request.path] = request }
        let entries = entries(for: chosen.values.sorted { $0.path < $1.path }, records: records, made: &made)
        let shown = chosen.compactMap { path, request in
            records[request.file].map { (path, request.file, $0, key(of: $0, request: request).flatMap { entries[$0] }) }
        }
        let pictures = parallelMap(shown, jobs: jobs) { path, _, record, entry in
            Picture(path: path, width: record.info.width, height: record.info.height, entry: entry)
        }
        made.pictures.byPath = Dictionary(pictures.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        made.diagnostics += collisions(pictures, files: Dictionary(shown.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }))
        // The cache keeps the entries this build used, in a stable order.
        var used: [String: Set<PictureStore.Entry>] = [:]
        for (_, file, _, entry) in shown {
            if let entry { used[file, default: []].insert(entry) }
        }
        for file in records.keys {
            records[file]?.entries = (used[file] ?? []).sorted { $0.key.description < $1.key.description }
        }
        made.records = records
        made.diagnostics.sort { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
        return made
    }

    /// The records of `files`: the previous ones while unchanged, else read, once per content
    /// (identical pictures share what is read). Unreadable pictures are errors at their file.
    private func read(_ files: [String], previous: [String: PictureRecord], diagnostics: inout [Diagnostic]) -> [String: PictureRecord] {
        var records: [String: PictureRecord] = [:]
        var fresh: [Digest: [(file: String, stamp: FileStamp)]] = [:]
        for (file, found) in zip(files, parallelMap(files, jobs: jobs) { survey($0, previous: previous[$0]) }) {
            switch found {
            case .known(let record): records[file] = record
            case .fresh(let stamp, let content): fresh[content, default: []].append((file, stamp))
            case .missing: break
            }
        }
        let contents = fresh.sorted { $0.value[0].file < $1.value[0].file }
        let infos = parallelMap(contents, jobs: jobs) { _, files in
            Result { () throws(ImageError) in try ImageInfo.read(site.path + "/" + files[0].file) }
        }
        for ((content, files), info) in zip(contents, infos) {
            for (file, stamp) in files {
                switch info {
                case .success(var info):
                    info.credit = EmbeddedCredit()  // read by the content loader; not kept
                    records[file] = PictureRecord(file: file, stamp: stamp, content: content, info: info)
                case .failure(let error):
                    diagnostics.append(.error(at: SourceLocation(file: file), "\(error)"))
                }
            }
        }
        return records
    }

    /// The store entries `requests` need, by key: the previous build's, the store's, or made
    /// now, each once, in parallel. Pictures that cannot be made are errors at their file.
    private func entries(for requests: [Request], records: [String: PictureRecord], made: inout Made) -> [Digest: PictureStore.Entry] {
        var entries: [Digest: PictureStore.Entry] = [:]
        var wanted: [Digest: (record: PictureRecord, crops: CropSettings?)] = [:]
        for request in requests {
            guard let record = records[request.file], let key = key(of: record, request: request), entries[key] == nil else { continue }
            if let known = record.entries.first(where: { $0.key == key }), store.contains(key) {
                entries[key] = known
            } else if let stored = store.entry(key) {
                entries[key] = stored
            } else if wanted[key] == nil {
                wanted[key] = (record, crops(of: request))
            }
        }
        let todo = wanted.sorted { $0.value.record.file < $1.value.record.file }
        // Pictures are made side by side; one picture alone gets all of libvips' threads.
        if !todo.isEmpty { Derivatives.useThreads(max(1, jobs / todo.count)) }
        // As many pictures at once as their memory allows (BENCHMARKS.md, "Pictures and memory").
        let budget = MemoryBudget(bytes: Self.memoryPerJob * jobs)
        let results = parallelMap(todo, jobs: jobs) { key, job -> Result<PictureStore.Entry, Diagnostic> in
            budget.withBytes(Derivatives.peakMemory(of: job.record.info, settings: settings)) {
                defer { Derivatives.releaseFreedMemory() }
                do {
                    return .success(try store.make(
                        key, from: site.path + "/" + job.record.file, content: job.record.content, info: job.record.info,
                        settings: settings, crops: job.crops))
                } catch {
                    return .failure(.error(at: SourceLocation(file: job.record.file), "\(error)"))
                }
            }
        }
        made.decoded = todo.count
        for result in results {
            switch result {
            case .success(let entry): entries[entry.key] = entry
            case .failure(let diagnostic): made.diagnostics.append(diagnostic)
            }
        }
        return entries
    }

    /// Errors for pictures whose derivatives would be published under another picture's names:
    /// `lead.jpg` and `lead.png` in one folder both give `lead-800w.webp`. `files` maps each
    /// picture's path to its file.
    private func collisions(_ pictures: [Picture], files: [String: String]) -> [Diagnostic] {
        // A derivative's suffix has no slash, so two pictures' derivatives can share a name
        // only when their stems are in one folder: the others are not compared by name (the
        // names of every derivative of the site, made only to be compared, were a third of
        // this step in a build after an edit).
        let folders = pictures.map { Self.folder(of: $0.stem) }
        var perFolder: [Substring: Int] = [:]
        for folder in folders { perFolder[folder, default: 0] += 1 }
        let compared = zip(pictures, folders).filter { perFolder[$1, default: 0] > 1 }.map(\.0)
        var owner: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for picture in compared.sorted(by: { $0.path < $1.path }) {
            let paths = picture.files.map(picture.path(of:))
            if let taken = paths.first(where: { owner[$0].map { $0 != picture.path } ?? false }), let other = owner[taken] {
                diagnostics.append(.error(
                    at: SourceLocation(file: files[picture.path] ?? picture.path),
                    "this picture's derivatives would be published under the names of \(files[other] ?? other)'s (\(taken))",
                    hint: "give one of the two files another name; pictures are published by name without their extension"))
                continue
            }
            for path in paths { owner[path] = picture.path }
        }
        return diagnostics
    }

    /// The folder part of a stem (up to its last slash, by Unicode scalar: a name equal to
    /// another in canonical form has an equal folder part).
    private static func folder(of stem: String) -> Substring {
        guard let slash = stem.unicodeScalars.lastIndex(of: "/") else { return "" }
        return Substring(stem.unicodeScalars[..<slash])
    }

    /// The store key of a picture's derivatives (and crops, for a lead image); nil for a
    /// picture published as it is.
    func key(of record: PictureRecord, request: Request) -> Digest? {
        guard record.info.isResizable else { return nil }
        return PictureStore.key(
            content: record.content, settings: settings, formats: Derivatives.formats(for: record.info, settings: settings),
            crops: crops(of: request))
    }

    /// The crops `request` asks for: a lead image's, centred on its focus; none for a figure.
    private func crops(of request: Request) -> CropSettings? {
        request.crops ? CropSettings(focus: request.focus) : nil
    }

    /// What a file is now, by its stamp and then its bytes.
    private enum Survey {
        /// Unchanged since `previous` (its stamp, or else its bytes).
        case known(PictureRecord)
        /// New bytes, to be read.
        case fresh(FileStamp, Digest)
        /// No such file: the page's own check reports it.
        case missing
    }

    private func survey(_ file: String, previous: PictureRecord?) -> Survey {
        let path = site.path + "/" + file
        guard let stamp = FileStamp.of(path) else { return .missing }
        if let previous, previous.stamp == stamp { return .known(previous) }
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        let content = Digest.of(data)
        if var previous, previous.content == content {
            previous.stamp = stamp
            return .known(previous)
        }
        return .fresh(stamp, content)
    }
}
