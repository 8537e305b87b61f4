/// Observed numbers in memory, for the analysis: indicator → year → row
/// key (district number or `SubmissionValues.cityTotalKey`) → category.
/// Markers are not numbers and are counted apart.
public struct ObservationTable: Sendable {
    public private(set) var values: [String: [Int: [String: [String: Double]]]] = [:]
    public private(set) var markers: [String: [Int: Int]] = [:]

    public init() {}

    public mutating func add(indicator: String, year: Int, row: String, category: String, value: Double) {
        values[indicator, default: [:]][year, default: [:]][row, default: [:]][category] = value
    }

    public mutating func addMarker(indicator: String, year: Int) {
        markers[indicator, default: [:]][year, default: 0] += 1
    }

    public func value(_ indicator: String, _ year: Int, _ row: String, _ category: String) -> Double? {
        values[indicator]?[year]?[row]?[category]
    }

    public var years: [Int] {
        Array(Set(values.values.flatMap { $0.keys })).sorted()
    }
}
