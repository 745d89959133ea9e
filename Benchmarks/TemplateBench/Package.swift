// swift-tools-version:6.0
import PackageDescription

/// Benchmark of magbuild's template engine against Stencil and swift-mustache.
///
/// A separate package, so magbuild itself gains no dependency. magbuild's `Templates` and
/// `Diagnostics` modules are compiled from the main package's sources through the
/// symbolic links `Sources/Templates` and `Sources/Diagnostics` (the main package exports
/// no library product). Run with `swift run -c release` here, or `make bench-templates`.
let package = Package(
    name: "TemplateBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/stencilproject/Stencil", exact: "0.15.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .target(name: "Diagnostics"),
        .target(name: "Templates", dependencies: ["Diagnostics"]),
        .executableTarget(
            name: "TemplateBench",
            dependencies: [
                "Templates",
                .product(name: "Stencil", package: "Stencil"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
