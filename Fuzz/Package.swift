// swift-tools-version:6.0
import Foundation
import PackageDescription

/// magbuild's libFuzzer targets (`make fuzz`).
///
/// A package of its own, so magbuild gains no flags or targets for fuzzing. The modules under
/// test are magbuild's own sources, reached through the symlinks in `Sources/` and compiled
/// here with coverage instrumentation and AddressSanitizer (`-sanitize=fuzzer,address`).
///
/// Each fuzz target is an executable whose `main.swift` hands its test to `FuzzDriver`, which
/// starts libFuzzer through `LLVMFuzzerRunDriver`: SwiftPM renames an executable's entry point,
/// so libFuzzer's own `main` cannot be used and `libclang_rt.fuzzer_no_main` is linked instead.

/// The libFuzzer runtime without `main`, from the toolchain that runs this manifest
/// (`FUZZER_NO_MAIN_LIB` overrides the search).
func fuzzerNoMainLibrary() -> String {
    if let explicit = Context.environment["FUZZER_NO_MAIN_LIB"], !explicit.isEmpty { return explicit }
    let name = "libclang_rt.fuzzer_no_main-x86_64.a"
    let searchPath = Context.environment["PATH"] ?? ""
    for directory in searchPath.split(separator: ":") {
        let binary = URL(fileURLWithPath: String(directory))
        guard FileManager.default.fileExists(atPath: binary.appendingPathComponent("swiftc").path) else { continue }
        let clang = binary.deletingLastPathComponent().appendingPathComponent("lib/clang")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: clang.path)) ?? []
        for version in versions.sorted().reversed() {
            let candidate = clang.appendingPathComponent(version).appendingPathComponent("lib/linux/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
    }
    return name
}

/// magbuild's modules: instrumented, and testable so the targets can reach internal parsers.
let instrumented: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-sanitize=fuzzer,address", "-enable-testing"]),
]
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=address", "-lstdc++", "-Xlinker", fuzzerNoMainLibrary()])]

/// One fuzz executable per input format.
func fuzzer(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies,
                      swiftSettings: fuzzTarget, linkerSettings: fuzzLink)
}

let package = Package(
    name: "MagbuildFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm"),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CVips", pkgConfig: "vips"),
        .target(name: "Basics", swiftSettings: instrumented),
        .target(name: "Diagnostics", swiftSettings: instrumented),
        .target(name: "Markdown", dependencies: ["Basics", "CCmarkGFM", "Diagnostics"], swiftSettings: instrumented),
        .target(name: "Templates", dependencies: ["Basics", "Diagnostics"], swiftSettings: instrumented),
        .target(name: "Images", dependencies: ["CVips"], swiftSettings: instrumented),
        .target(name: "Content", dependencies: ["Basics", "Diagnostics", "Images", "Yams"], swiftSettings: instrumented),
        .target(name: "Comments", dependencies: ["Basics", "Diagnostics"], swiftSettings: instrumented),
        .target(name: "Search", dependencies: ["Basics", "CXXHash"], swiftSettings: instrumented),
        .target(
            name: "CommentImport", dependencies: ["Comments", "CSQLite", "CZlib", "Diagnostics", "Markdown"],
            swiftSettings: instrumented),
        .target(
            name: "Site", dependencies: ["Basics", "CXXHash", "Diagnostics", "Images", "Markdown", "Templates", "Content", "Comments", "Search"],
            swiftSettings: instrumented),
        // Only the request-path mapping of the preview server (three symlinked files): the rest needs Hummingbird.
        .target(name: "PreviewServer", swiftSettings: instrumented),

        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "Diagnostics"], swiftSettings: fuzzTarget),
        .target(name: "ImportFuzzing", dependencies: ["FuzzSupport", "Comments", "CommentImport"], swiftSettings: fuzzTarget),

        fuzzer("FuzzFrontMatter", ["Basics", "Content"]),
        fuzzer("FuzzCommentsJSON", ["Comments"]),
        fuzzer("FuzzReaderText", ["Comments"]),
        fuzzer("FuzzTemplates", ["Templates"]),
        fuzzer("FuzzWXRImport", ["ImportFuzzing"]),
        fuzzer("FuzzDisqusImport", ["ImportFuzzing"]),
        fuzzer("FuzzRemark42Import", ["ImportFuzzing"]),
        fuzzer("FuzzMarkdown", ["Markdown"]),
        fuzzer("FuzzRequestPath", ["PreviewServer"]),
        fuzzer("FuzzBuildCache", ["Search", "Site"]),
        fuzzer("FuzzSiteConfig", ["Basics", "Content"]),
        fuzzer("FuzzProfiles", ["Diagnostics", "Content"]),
        fuzzer("FuzzImageSize", ["Site"]),
        fuzzer("FuzzImageCredit", ["Images"]),
        fuzzer("FuzzSearchText", ["Search"]),
    ],
    swiftLanguageModes: [.v6]
)
