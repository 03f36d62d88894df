// swift-tools-version:6.0
// mentordocs: mentoring-program paperwork from YAML participant files, validated XHTML/HTML5.
import PackageDescription

let package = Package(
    name: "mentordocs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mentordocs", targets: ["mentordocs"]),
        .library(name: "MentorDocs", targets: ["MentorDocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `batch`: SHA-256 of every document in the manifest.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libyaml's event parser, read by Participants/ straight into located values.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The built-in templates, shipped with the binary as a resource bundle; Templates/ stays
        // at the top of the repository, where `--templates Templates` and the docs name it.
        .target(
            name: "MentorDocsTemplates",
            path: "Templates",
            resources: [.copy("shared"), .copy("aset"), .copy("awmi"), .copy("caltrans"), .copy("nace"), .copy("generic")]
        ),
        .target(
            name: "MentorDocs",
            dependencies: ["CLibXML2", "CYAML", "MentorDocsTemplates",
                           .product(name: "Crypto", package: "swift-crypto")],
            // The XHTML 1.0 Strict DTD and its entity sets (W3C), so no system catalog is needed.
            resources: [.copy("Resources/DTD")]
        ),
        // The command links mimalloc (apt `libmimalloc-dev`) in place of glibc's malloc: a batch
        // builds and frees thousands of small libxml2 nodes and Swift objects per document, and
        // glibc's free lists and their consolidation cost it about an eighth of its CPU time.
        .executableTarget(
            name: "mentordocs",
            dependencies: ["MentorDocs", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // `make bench`: the libxml2 floor that mentordocs's throughput is measured against.
        .executableTarget(
            name: "mentordocs-floor",
            dependencies: ["CLibXML2"],
            path: "Benchmarks/Floor",
            // The same allocator as the command, so the floor measures libxml2's work, not malloc's.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "MentorDocsTests",
            dependencies: ["MentorDocs"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
