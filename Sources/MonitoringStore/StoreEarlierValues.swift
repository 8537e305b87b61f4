import Monitoring

/// Earlier years' current values from the store, for the plausibility
/// checks of `imon validate --store`. Read once, when made, so that an
/// unreadable store stops the command instead of quietly checking against
/// nothing.
public final class StoreEarlierValues: EarlierValues {
    /// Indicator and year → row key → category → value.
    private let values: [String: [String: [String: Double]]]

    public init(store: MonitoringStore) throws {
        var values: [String: [String: [String: Double]]] = [:]
        try store.read { db in
            try db.each("SELECT indicator, year, district, category, value FROM observation WHERE current = 1 AND value IS NOT NULL") { row in
                let key = "\(try row["indicator"] as String)|\(try row["year"] as Int)"
                values[key, default: [:]][try row["district"], default: [:]][try row["category"]] = try row["value"] as Double
            }
        }
        self.values = values
    }

    public func values(indicator: String, year: Int) -> [String: [String: Double]] {
        values["\(indicator)|\(year)"] ?? [:]
    }
}
