import XCTest
import Spreadsheet
@testable import Monitoring

final class SyntheticSubmissionsTests: XCTestCase {
    private let catalogue = DefaultCatalogue.magdeburg

    private func number(_ v: CellValue) -> Double? {
        if case .number(let n) = v { return n }
        return nil
    }

    func testPartsAddUpDistrictsAddUpAndRatesStayInRange() throws {
        let synthetic = SyntheticSubmissions(catalogue: catalogue)
        for year in 2005...2007 {
            var all: [String: SubmissionValues] = [:]
            for department in catalogue.submittingDepartments {
                let values = synthetic.values(department: department.code, year: year)
                all[department.code] = values
                for indicator in catalogue.submittedIndicators(of: department.code) {
                    let keys = indicator.level == .districts ? catalogue.districts.map(\.number) : []
                    for key in keys + [SubmissionValues.cityTotalKey] {
                        let parts = try indicator.categories.map { try XCTUnwrap(number(values[indicator.code, key, $0]), "\(indicator.code) \(key)") }
                        XCTAssertTrue(parts.allSatisfy { $0 >= 0 && $0 == $0.rounded() }, "\(indicator.code) \(key): \(parts)")
                        if indicator.hasTotal {
                            XCTAssertEqual(parts[0], parts.dropFirst().reduce(0, +), "\(indicator.code) \(key) \(year)")
                        }
                    }
                    if indicator.level == .districts {
                        for category in indicator.categories {
                            let sum = keys.compactMap { number(values[indicator.code, $0, category]) }.reduce(0, +)
                            XCTAssertEqual(number(values[indicator.code, SubmissionValues.cityTotalKey, category]), sum)
                        }
                    }
                }
            }
            // Every derived rate of the city is within its range.
            for rate in catalogue.indicators where rate.isDerived {
                guard let n = rate.numerator.flatMap(catalogue.indicator), let d = rate.denominator.flatMap(catalogue.indicator) else { continue }
                for category in rate.categories {
                    let top = number(all[n.department]?[n.code, SubmissionValues.cityTotalKey, category] ?? .empty) ?? 0
                    let bottom = number(all[d.department]?[d.code, SubmissionValues.cityTotalKey,
                                                             rate.denominatorCategory ?? (d.categories.contains(category) ? category : d.categories[0])] ?? .empty) ?? 0
                    XCTAssertGreaterThan(bottom, 0, "\(rate.code)")
                    let value = top / bottom * rate.unit.scale
                    XCTAssertLessThanOrEqual(value, rate.maximum ?? .infinity, "\(rate.code) \(category) \(year): \(value)")
                }
            }
        }
    }

    func testTheSameSeedGivesTheSameNumbers() {
        let a = SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2006)
        let b = SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2006)
        XCTAssertEqual(a.cells, b.cells)
        XCTAssertNotEqual(a.cells, SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2007).cells)
    }
}
