// swift-tools-version:6.1
import PackageDescription

/// Micro-benchmarks of the hot paths with ordo-one/benchmark (wall time,
/// instructions, allocations): `scripts/bench` runs them. A package of its
/// own so that the product never builds the benchmark harness.
let package = Package(
    name: "imon-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "imon", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ReadingAndWriting",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Zip", package: "imon"),
                .product(name: "XMLStream", package: "imon"),
                .product(name: "XLSX", package: "imon"),
                .product(name: "ODS", package: "imon"),
                .product(name: "Spreadsheet", package: "imon"),
                .product(name: "WorkbookIO", package: "imon"),
            ],
            path: "Benchmarks/ReadingAndWriting",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
