import Monitoring
import MonitoringStore
import Operations
import XCTest

final class DeliveryBoardTests: XCTestCase {
    private func entry(_ department: String, _ year: Int, _ outcome: String, _ at: String) -> HistoryEntry {
        HistoryEntry(at: at, user: "u", file: "Amt_\(department).xlsx", department: department, year: year, outcome: outcome, detail: "")
    }

    func testTheLastEventOfADepartmentsYearDecidesItsState() {
        let history = [
            entry("40", 2007, "rejected", "t1"), entry("40", 2007, "imported", "t2"),
            entry("11", 2007, "imported", "t1"), entry("11", 2007, "superseded", "t3"),
            entry("50", 2007, "conflict", "t4"), entry("51", 2007, "rejected", "t5"), entry("12", 2006, "imported", "t1"),
        ]
        let board = DeliveryBoard.make(catalogue: DefaultCatalogue.magdeburg, history: history, years: [2007])
        let states = Dictionary(uniqueKeysWithValues: board.map { ($0.department, $0.state) })
        XCTAssertEqual(states["40"], .delivered)
        XCTAssertEqual(states["11"], .superseded)
        XCTAssertEqual(states["50"], .conflict)
        XCTAssertEqual(states["51"], .rejected)
        XCTAssertEqual(states["12"], .missing, "a delivery of another year does not count")
        XCTAssertEqual(board.first { $0.department == "11" }?.at, "t3")
        XCTAssertEqual(board.count, DefaultCatalogue.magdeburg.submittingDepartments.count)
        XCTAssertEqual(Set(DeliveryBoard.missing(board, year: 2007).map(\.department)),
                       Set(DefaultCatalogue.magdeburg.submittingDepartments.map(\.code)).subtracting(["40", "11", "50"]))
    }
}
