import CCmarkGFM
import Foundation

/// Process-wide state of the cmark-gfm C library: the registered GFM
/// extensions and the lock that makes parsing safe from many threads.
///
/// cmark-gfm's inline parser switches global character tables on and off
/// inside `cmark_parser_finish`, so two threads finishing at once corrupt
/// each other's documents (dropped strikethrough and autolinks). Only that
/// call is serialised; feeding, tree walks and HTML rendering run in parallel.
enum CmarkLibrary {
    /// Names of the GFM extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The extensions, looked up once after registering the core extensions.
    /// Registration is guarded by a plain static flag in C, so it must run
    /// exactly once: a `static let` initialiser runs once, thread-safely.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    private static let finishLock = NSLock()

    /// Parser and renderer options: GFM footnotes, smart punctuation, table alignment as
    /// `style` (the `align` attribute is obsolete HTML) and, when editors may write HTML,
    /// unsafe (raw HTML kept; tagfilter still applies).
    static func options(allowRawHTML: Bool) -> Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Runs `cmark_parser_finish`, one thread at a time.
    static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        finishLock.lock()
        defer { finishLock.unlock() }
        return cmark_parser_finish(parser)
    }

    /// Copies a string allocated by cmark and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(pointer) }
        return String(cString: pointer)
    }
}
