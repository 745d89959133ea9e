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
    /// The store entry of its derivatives, once made.
    var entry: PictureStore.Entry?
}

/// Makes the derivatives of every picture the site shows ("make pictures"): each file is
/// read and digested only when its stamp changed, and decoded only when the store has no
/// derivatives for its bytes and the settings (``PictureStore``). Pictures are made in
/// parallel, each decoded once; one picture alone gets all of libvips' threads.
struct PictureMaker: Sendable {
    let site: URL
    let store: PictureStore
    let settings: DerivativeSettings
    let jobs: Int

    /// A picture a page shows: where its original would be published and its file.
    struct Request: Sendable, Hashable {
        /// Site path (`/politik/wahl/lead.jpg`).
        let path: String
        /// Relative to the site folder (`content/politik/wahl/lead.jpg`).
        let file: String
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
        let files = Array(Set(requests.map(\.file))).sorted()
        var made = Made()
        var records: [String: PictureRecord] = [:]
        for (file, result) in zip(files, parallelMap(files, jobs: jobs) { survey($0, previous: previous[$0]) }) {
            switch result {
            case .success(let record?): records[file] = record
            case .success(nil): break
            case .failure(let diagnostic): made.diagnostics.append(diagnostic)
            }
        }
        // Entries to make, once per key (identical pictures under several names share one).
        var wanted: [Digest: PictureRecord] = [:]
        for (file, record) in records {
            guard let key = key(of: record) else { continue }
            if record.entry?.key == key, store.contains(key) { continue }
            if let entry = store.entry(key) {
                records[file]?.entry = entry
            } else if wanted[key] == nil || record.file < wanted[key]!.file {
                wanted[key] = record
            }
        }
        let todo = wanted.sorted { $0.value.file < $1.value.file }
        let threads = max(1, jobs / max(1, todo.count))
        let entries = parallelMap(todo, jobs: jobs) { key, record -> Result<PictureStore.Entry, Diagnostic> in
            do {
                return .success(try store.make(key, from: site.path + "/" + record.file, info: record.info, settings: settings, threads: threads))
            } catch {
                return .failure(.error(at: SourceLocation(file: record.file), "\(error)"))
            }
        }
        made.decoded = todo.count
        var byKey: [Digest: PictureStore.Entry] = [:]
        for result in entries {
            switch result {
            case .success(let entry): byKey[entry.key] = entry
            case .failure(let diagnostic): made.diagnostics.append(diagnostic)
            }
        }
        for (file, record) in records {
            guard let key = key(of: record), let entry = byKey[key] else { continue }
            records[file]?.entry = entry
        }
        made.records = records
        for request in requests {
            guard let record = records[request.file] else { continue }
            made.pictures.byPath[request.path] = picture(request.path, record: record)
        }
        made.diagnostics.sort { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
        return made
    }

    /// The store key of a picture's derivatives; nil for a picture published as it is.
    func key(of record: PictureRecord) -> Digest? {
        guard record.info.isResizable else { return nil }
        return PictureStore.key(content: record.content, settings: settings, formats: Derivatives.formats(for: record.info, settings: settings))
    }

    /// The record of `file` as it is now: the previous one while the stamp is unchanged, else
    /// read anew (nil for a file that is not there: the page's own check reports it).
    private func survey(_ file: String, previous: PictureRecord?) -> Result<PictureRecord?, Diagnostic> {
        let path = site.path + "/" + file
        guard let stamp = FileStamp.of(path) else { return .success(nil) }
        if let previous, previous.stamp == stamp { return .success(previous) }
        guard let data = FileManager.default.contents(atPath: path) else { return .success(nil) }
        let content = Digest.of(data)
        if var previous, previous.content == content {
            previous.stamp = stamp
            return .success(previous)
        }
        do {
            var info = try ImageInfo.read(path)
            info.credit = EmbeddedCredit()  // read by the content loader; not kept
            return .success(PictureRecord(file: file, stamp: stamp, content: content, info: info, entry: nil))
        } catch {
            return .failure(.error(at: SourceLocation(file: file), "\(error)"))
        }
    }

    private func picture(_ path: String, record: PictureRecord) -> Picture {
        guard let entry = record.entry, key(of: record) == entry.key else {
            return Picture(path: path, width: record.info.width, height: record.info.height, files: [])
        }
        let files = entry.files.map { stored in
            Picture.File(
                path: Picture.derivativePath(of: path, width: stored.width, format: stored.format), width: stored.width,
                height: stored.height, format: stored.format, stored: store.file(entry.key, stored))
        }
        return Picture(path: path, width: record.info.width, height: record.info.height, files: files)
    }
}
