import Monitoring
import Reporting
import XCTest

/// A report exists only for a publication that passes its audit.
final class SituationReportPublicationTests: XCTestCase {
    let catalogue = Catalogue(
        districts: [District(number: "01", name: "Eins"), District(number: "02", name: "Zwei"), District(number: "03", name: "Drei")],
        departments: [Department(code: "50", name: "Sozialamt")],
        indicators: [Indicator(code: "V", name: "Fälle", field: 4, department: "50", unit: .count, categories: ["insgesamt"])],
        goals: [])

    var table: ObservationTable {
        var t = ObservationTable()
        for (row, v) in [("01", 1.0), ("02", 1), ("03", 0)] { t.add(indicator: "V", year: 2007, row: row, category: "insgesamt", value: v) }
        return t
    }

    func testAReportWhosePublicationFailsItsAuditIsRefusedNamingTheCell() throws {
        var off = ProtectionOptions.full
        off.primaryOnCity = false
        off.secondary = .none
        XCTAssertThrowsError(try SituationReport(catalogue: catalogue, table: table, year: 2007, options: off)) { error in
            guard case PublicationError.disclosed(let findings) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(findings.contains { $0.cell == CellKey("V", PublicationStructure.cityRow, "insgesamt", 2007) })
            XCTAssertTrue("\(error)".contains("V 2007 Stadtteil 01 insgesamt: the suppressed count can be worked out exactly 1"), "\(error)")
        }
        let report = try SituationReport(catalogue: catalogue, table: table, year: 2007)
        XCTAssertEqual(report.figure("V", PublicationStructure.cityRow, "insgesamt"), .suppressed(.primary))
        XCTAssertEqual(report.figure("V", "03", "insgesamt"), .value(0))
        XCTAssertTrue(report.audit.passed)
    }
}
