import CVips
import Foundation
import Synchronization

/// libvips, started once per process (``start()``), and the owner of one libvips image.
///
/// libvips is thread-safe once started: build workers each process their own images.
enum Vips {
    /// nil before the first start; then the reason it failed, empty when it started.
    private static let started = Mutex<String?>(nil)

    /// Starts libvips, caps glibc's malloc arenas at the number of cores (at least two) and
    /// has blocks of a megabyte and more mapped apart (``magbuild_vips_start``); later calls
    /// return what the first did.
    /// - Throws: ``ImageError/libraryUnavailable(_:)`` when libvips cannot start.
    static func start() throws(ImageError) {
        let failure = started.withLock { state -> String in
            if let state { return state }
            let arenas = Int32(max(2, ProcessInfo.processInfo.activeProcessorCount))
            let result = magbuild_vips_start(CommandLine.arguments.first ?? "magbuild", arenas) == 0 ? "" : takeError()
            state = result
            return result
        }
        guard failure.isEmpty else { throw .libraryUnavailable(failure) }
    }

    /// The number of libvips threads that work on one picture (libvips' own pool; the build
    /// decides how many pictures are made at once).
    static func setThreads(_ count: Int) {
        vips_concurrency_set(Int32(max(1, count)))
    }

    /// libvips' error messages since the last call, cleared (one line). libvips keeps them in
    /// one buffer for the process: they are copied and cleared under its lock, so that workers
    /// do not read or clear each other's.
    static func takeError() -> String {
        guard let copy = vips_error_buffer_copy() else { return "libvips gave no reason" }
        defer { g_free(copy) }
        let message = String(cString: copy)
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? "libvips gave no reason" : lines.joined(separator: "; ")
    }
}

/// One libvips image, released with its owner.
final class VipsImageRef {
    let pointer: UnsafeMutablePointer<VipsImage>

    init(_ pointer: UnsafeMutablePointer<VipsImage>) {
        self.pointer = pointer
    }

    deinit {
        magbuild_vips_release(pointer)
    }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }

    /// An image made by a libvips call that fills `out` and returns 0 on success.
    static func make(_ call: (UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32) throws(ImageError) -> VipsImageRef {
        var out: UnsafeMutablePointer<VipsImage>?
        guard call(&out) == 0, let out else { throw .unreadable(Vips.takeError()) }
        return VipsImageRef(out)
    }

    /// The bytes an encoder wrote (it fills the buffer and its length and returns 0 on success).
    func encode(_ call: (UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32)
        throws(ImageError) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard call(pointer, &buffer, &length) == 0, let buffer else { throw .unreadable(Vips.takeError()) }
        defer { g_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// A metadata string of the image (`vips-loader`, `exif-ifd0-Artist`), nil when it has none.
    func string(_ field: String) -> String? {
        guard vips_image_get_typeof(pointer, field) != 0 else { return nil }
        var value: UnsafePointer<CChar>?
        guard vips_image_get_string(pointer, field, &value) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// A metadata integer (`orientation`, `n-pages`).
    func int(_ field: String) -> Int? {
        guard vips_image_get_typeof(pointer, field) != 0 else { return nil }
        var value: Int32 = 0
        return vips_image_get_int(pointer, field, &value) == 0 ? Int(value) : nil
    }

    /// A metadata blob (`iptc-data`, `xmp-data`, `icc-profile-data`).
    func blob(_ field: String) -> [UInt8]? {
        guard vips_image_get_typeof(pointer, field) != 0 else { return nil }
        var data: UnsafeRawPointer?
        var length = 0
        guard vips_image_get_blob(pointer, field, &data, &length) == 0, let data else { return nil }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }
}
