// swift-tools-version:6.0
import PackageDescription

/// The readers' and writers' per-cell code: dynamic exclusivity checks on the
/// parsers' state cost about 8 % of the instructions of reading a workbook
/// (callgrind on the benchmark's many.xlsx). Debug builds and tests keep them.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// libxml2 is opened when a part first needs it (`XMLStream/LibXML2.swift`),
/// so it is not linked: linked, it and the ICU it pulls in were loaded on
/// every start. Only its headers are used, by XMLStream alone (imported
/// `internal`) and its tests, from where Debian's libxml2-dev puts them.
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

let package = Package(
    name: "imon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "imon", targets: ["imon"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "Zip", targets: ["Zip"]),
        .library(name: "XMLStream", targets: ["XMLStream"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "ODS", targets: ["ODS"]),
        .library(name: "WorkbookIO", targets: ["WorkbookIO"]),
        .library(name: "Monitoring", targets: ["Monitoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", providers: [.apt(["libxml2-dev"])]),
        // GLPK ships no pkg-config file: the module map links it by name.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "Zip", dependencies: ["CZlib"]),
        .target(name: "XMLStream", dependencies: ["CLibXML2"], swiftSettings: hotPath + libxml2Headers),
        .target(name: "Spreadsheet"),
        .target(name: "CommandArguments"),
        .target(name: "XLSX", dependencies: ["Spreadsheet", "Zip", "XMLStream"], swiftSettings: hotPath),
        .target(name: "ODS", dependencies: ["Spreadsheet", "Zip", "XMLStream"], swiftSettings: hotPath),
        .target(name: "WorkbookIO", dependencies: ["Spreadsheet", "Zip", "XMLStream", "XLSX", "ODS"]),
        .target(name: "Monitoring", dependencies: ["Spreadsheet", "WorkbookIO", "CGLPK"]),
        .target(name: "MonitoringStore", dependencies: ["Monitoring", "Spreadsheet", "WorkbookIO", "Zip",
                                                        .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Reporting", dependencies: ["Monitoring", "Spreadsheet", "WorkbookIO", "Zip"]),
        .target(name: "Operations", dependencies: ["Monitoring", "MonitoringStore", "Reporting", "Spreadsheet", "WorkbookIO", "Zip",
                                                   .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")]),
        // The API's types and server stubs, generated from openapi.yaml by scripts/generate-openapi and committed
        // (the generator's build plugin would add minutes to every clean build).
        .target(name: "PortalAPI", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                                                  .product(name: "HTTPTypes", package: "swift-http-types")],
                exclude: ["openapi.yaml", "openapi-generator-config.yaml"]),
        .target(name: "Portal", dependencies: ["Operations", "PortalAPI", "Monitoring", "MonitoringStore", "Spreadsheet", "WorkbookIO",
                                               .product(name: "Hummingbird", package: "hummingbird"),
                                               .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                                               .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird")]),
        .executableTarget(name: "imon", dependencies: [
            "CommandArguments", "Spreadsheet", "WorkbookIO", "Monitoring", "MonitoringStore", "Reporting", "Operations", "Portal",
        ]),
        .target(name: "TestFixtures", dependencies: ["CZlib", "Zip", "Spreadsheet", "XMLStream"], path: "Tests/TestFixtures"),
        .executableTarget(name: "imon-samples", dependencies: ["Monitoring", "Spreadsheet"]),
        .testTarget(name: "ZipTests", dependencies: ["Zip"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream"], swiftSettings: libxml2Headers),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "CommandArgumentsTests", dependencies: ["CommandArguments"]),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "Zip", "Spreadsheet", "WorkbookIO", "TestFixtures"]),
        .testTarget(name: "ODSTests", dependencies: ["ODS", "Zip", "Spreadsheet", "WorkbookIO", "TestFixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Monitoring"]),
        .testTarget(name: "MonitoringTests", dependencies: ["Monitoring", "Spreadsheet", "WorkbookIO"]),
        .testTarget(name: "MonitoringStoreTests", dependencies: ["MonitoringStore", "Monitoring", "Spreadsheet", "WorkbookIO",
                                                               .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "MonitoringStore", "Monitoring", "Spreadsheet", "WorkbookIO"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "PortalAPI", "Operations", "MonitoringStore", "Monitoring", "Spreadsheet", "WorkbookIO",
                                                        .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                        .product(name: "HTTPTypes", package: "swift-http-types")]),
        .testTarget(name: "imonTests", dependencies: ["WorkbookIO", "Spreadsheet", "Zip", "TestFixtures", "Monitoring"]),
    ],
    swiftLanguageModes: [.v6]
)
