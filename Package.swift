// swift-tools-version:6.0
import PackageDescription

/// magbuild: a static site generator for an online magazine.
///
/// Modules depend on each other in one direction only:
/// {Basics, Diagnostics} ← {Markdown, Templates, Content, Comments} ← Site ← PreviewServer ← MagbuildCLI ← magbuild,
/// Comments ← CommentImport ← MagbuildCLI, and CVips ← Images ← Content (a lead image's credit from its metadata). Every target lists each module it imports
/// (CI builds with `-explicit-target-dependency-import-check error`).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// Random inputs for the property tests of the content-level modules.
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "magbuild",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "magbuild", targets: ["magbuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        /// XXH3, the hash of the build cache's digests.
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        /// libvips, for image derivatives.
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .target(name: "Basics", swiftSettings: strict),
        .target(name: "Diagnostics", swiftSettings: strict),
        .target(name: "Markdown", dependencies: ["Basics", "CCmarkGFM", "Diagnostics"], swiftSettings: strict),
        .target(name: "Templates", dependencies: ["Basics", "Diagnostics"], swiftSettings: strict),
        .target(name: "Content", dependencies: ["Basics", "Diagnostics", "Images", "Yams"], swiftSettings: strict),
        .target(name: "Comments", dependencies: ["Basics", "Diagnostics"], swiftSettings: strict),
        /// Search text: word folding and the German stemmer the search index uses.
        .target(name: "Search", dependencies: ["Basics", "CXXHash"], swiftSettings: strict),
        .target(name: "Images", dependencies: ["CVips"], swiftSettings: strict),
        /// SQLite, for Isso's comment database.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        /// zlib, for gzipped Remark42 backups.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        /// The WordPress, Disqus, Isso and Remark42 importers, for `magbuild import-comments` only.
        .target(name: "CommentImport", dependencies: ["Comments", "CSQLite", "CZlib", "Diagnostics", "Markdown"], swiftSettings: strict),
        .target(
            name: "Site",
            dependencies: ["Basics", "CXXHash", "Comments", "Content", "Diagnostics", "Images", "Markdown", "Search", "Templates"],
            swiftSettings: strict
        ),
        .target(
            name: "PreviewServer",
            dependencies: [
                "Basics", "Diagnostics", "Site",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MagbuildCLI",
            dependencies: [
                "Basics", "CommentImport", "Comments", "Content", "Diagnostics", "PreviewServer", "Site",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedSiteFiles"]
        ),
        /// Carries the default theme, the demo and the starter site in the binary, for `magbuild init`.
        .plugin(name: "EmbedSiteFiles", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .executableTarget(name: "EmbedFiles", swiftSettings: strict),
        .executableTarget(name: "magbuild", dependencies: ["MagbuildCLI"], swiftSettings: strict),

        .testTarget(name: "BasicsTests", dependencies: ["Basics", propertyBased]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "CVips"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"], exclude: ["cistem-reference.tsv"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", propertyBased]),
        .testTarget(name: "TemplatesTests", dependencies: ["Basics", "Diagnostics", "Templates", propertyBased]),
        .testTarget(name: "ContentTests", dependencies: ["Basics", "Content", "Diagnostics", propertyBased]),
        .testTarget(name: "CommentsTests", dependencies: ["Comments", "Diagnostics", propertyBased]),
        .testTarget(name: "CommentImportTests", dependencies: ["CommentImport", "Comments", "Diagnostics"]),
        .testTarget(name: "SiteTests", dependencies: ["Basics", "Comments", "Content", "Diagnostics", "Markdown", "Search", "Site", "Templates"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Content", "magbuild"]),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: [
                "Diagnostics", "PreviewServer", "Site",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
