import Foundation
import XCTest
@testable import MonitoringStore

/// A damaged store is named as such: never merged into, never read as empty.
final class StoreCorruptionTests: XCTestCase {
    private var folder: StoreFolder!

    override func setUpWithError() throws { folder = try StoreFolder() }
    override func tearDown() { folder.remove() }

    /// Overwrites 8 KB in the middle of the file, as a failing disk or a
    /// careless copy does.
    static func overwriteMiddle(_ file: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 - 4096)
        var random = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }))
        try handle.close()
    }

    func testEightKilobytesOverwrittenAreReportedByMergeAndRead() throws {
        let file = try folder.filledStore()
        try Self.overwriteMiddle(file)
        let store = try MonitoringStore(path: file)
        XCTAssertThrowsError(try folder.merge([try folder.submission("50", 2006)], into: store)) { error in
            guard case StoreError.damaged = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("the store is damaged"), "\(error)")
        }
        XCTAssertThrowsError(try MonitoringStore(readingAt: file)) { error in
            guard case StoreError.damaged = error else { return XCTFail("\(error)") }
        }
    }
}
