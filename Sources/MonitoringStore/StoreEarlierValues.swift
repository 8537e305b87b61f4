import Monitoring
import Synchronization

/// Earlier years' current values from the store, for the plausibility
/// checks of `imon validate --store`. Each indicator-year is read once.
public final class StoreEarlierValues: EarlierValues {
    private let store: MonitoringStore
    private let cache = Mutex<[String: [String: [String: Double]]]>([:])

    public init(store: MonitoringStore) {
        self.store = store
    }

    public func values(indicator: String, year: Int) -> [String: [String: Double]] {
        let key = "\(indicator)|\(year)"
        if let hit = cache.withLock({ $0[key] }) { return hit }
        var result: [String: [String: Double]] = [:]
        let rows = (try? store.read { db in
            try db.rows("""
                SELECT district, category, value FROM observation WHERE current = 1 AND indicator = ? AND year = ? AND value IS NOT NULL
                """, [indicator, year])
        }) ?? []
        for row in rows { result[row["district"], default: [:]][row["category"]] = row["value"] }
        cache.withLock { $0[key] = result }
        return result
    }
}
