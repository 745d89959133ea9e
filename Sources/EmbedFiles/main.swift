import Foundation

/// Writes a Swift source file that carries files of the package inside the magbuild binary,
/// for `magbuild init`: the default theme, the demo magazine and the starter site.
///
///     EmbedFiles OUTPUT.swift NAME=PATH …
///
/// Each PATH is a file or a folder; the files below it are stored as `NAME/<relative path>`,
/// in sorted order, Base64-encoded (string literals compile fast, byte arrays do not).
/// Hidden files and folders are skipped, as magbuild never publishes them.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedFiles OUTPUT.swift NAME=PATH …\n".utf8))
    exit(64)
}

var files: [(name: String, data: Data)] = []
for root in arguments.dropFirst() {
    guard let equals = root.firstIndex(of: "=") else { continue }
    let name = String(root[..<equals]), path = String(root[root.index(after: equals)...])
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
    guard isFolder.boolValue else {
        if let data = FileManager.default.contents(atPath: path) { files.append((name, data)) }
        continue
    }
    let folder = URL(fileURLWithPath: path).standardizedFileURL
    let found = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    while let url = found?.nextObject() as? URL {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
            let data = FileManager.default.contents(atPath: url.path)
        else { continue }
        let relative = url.standardizedFileURL.path.dropFirst(folder.path.count + 1)
        files.append((name + "/" + relative, data))
    }
}
files.sort { $0.name < $1.name }

var source = """
    // Generated while building magbuild by EmbedFiles (Plugins/EmbedSiteFiles); do not edit.

    /// Files of the magbuild package carried in the binary: `theme/`, `demo/` and `starter/`.
    enum EmbeddedFiles {
        /// Path and Base64-encoded content of every file, sorted by path.
        static let base64: [(path: String, content: String)] = [

    """
for file in files {
    let escaped = file.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(escaped)\", \"\(file.data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedFiles: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
