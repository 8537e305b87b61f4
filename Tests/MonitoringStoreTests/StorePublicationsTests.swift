import Monitoring
@testable import MonitoringStore
import XCTest

/// The store keeps what each report published (issue 22, item 5).
final class StorePublicationsTests: XCTestCase {
    private var folder: StoreFolder!

    override func setUpWithError() throws { folder = try StoreFolder() }
    override func tearDown() { folder.remove() }

    func testPublishedPatternRoundTripsAndARecordForTheSameYearReplacesTheEarlier() throws {
        let store = try MonitoringStore(path: folder.path("m.sqlite"))
        let a = CellKey("V", "01", "insgesamt", 2006), b = CellKey("V", "02", "insgesamt", 2006), city = CellKey("V", "Stadt", "insgesamt", 2006)
        let pattern = PublishedPattern(reportYear: 2006, entries: [
            .init(cell: a, measure: .value, figure: .suppressed(.primary)),
            .init(cell: b, measure: .value, figure: .suppressed(.secondary)),
            .init(cell: city, measure: .value, figure: .value(22)),
            .init(cell: city, measure: .change, figure: .value(-1.5)),
        ])
        try store.recordPublication(pattern, by: "test")
        XCTAssertEqual(try store.publishedPatterns(before: 2006), [])
        let back = try store.publishedPatterns(before: 2007)
        XCTAssertEqual(back.count, 1)
        XCTAssertEqual(Set(back[0].entries.map { "\($0.cell) \($0.measure) \($0.figure)" }), Set(pattern.entries.map { "\($0.cell) \($0.measure) \($0.figure)" }))
        var again = pattern
        again.entries = [.init(cell: city, measure: .value, figure: .value(23))]
        try store.recordPublication(again, by: "test")
        XCTAssertEqual(try store.publishedPatterns(before: 2007), [again])
        let reader = try MonitoringStore(readingAt: folder.path("m.sqlite"))
        XCTAssertEqual(try reader.publishedPatterns(before: 2010), [again])
    }
}
