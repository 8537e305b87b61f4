// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for the readers, built by `scripts/fuzz` with
/// `--sanitize=fuzzer --sanitize=address`. A package of its own so that the
/// product's build never sees them.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "imon-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "imon", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "Zip", package: "imon"),
            .product(name: "Spreadsheet", package: "imon"),
        ]),
        .executableTarget(name: "FuzzXML", dependencies: [
            .product(name: "XMLStream", package: "imon"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzZip", dependencies: [
            "FuzzSupport", .product(name: "Zip", package: "imon"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzXLSX", dependencies: [
            "FuzzSupport", .product(name: "Zip", package: "imon"), .product(name: "XLSX", package: "imon"),
            .product(name: "XMLStream", package: "imon"),
            .product(name: "WorkbookIO", package: "imon"), .product(name: "Spreadsheet", package: "imon"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzODS", dependencies: [
            "FuzzSupport", .product(name: "Zip", package: "imon"), .product(name: "ODS", package: "imon"),
            .product(name: "WorkbookIO", package: "imon"), .product(name: "Spreadsheet", package: "imon"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzText", dependencies: [
            "FuzzSupport", .product(name: "Zip", package: "imon"),
            .product(name: "WorkbookIO", package: "imon"), .product(name: "Spreadsheet", package: "imon"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzSubmission", dependencies: [
            "FuzzSupport", .product(name: "Zip", package: "imon"), .product(name: "WorkbookIO", package: "imon"),
            .product(name: "Spreadsheet", package: "imon"), .product(name: "Monitoring", package: "imon"),
        ], swiftSettings: fuzzTarget),
    ],
    swiftLanguageModes: [.v6]
)
