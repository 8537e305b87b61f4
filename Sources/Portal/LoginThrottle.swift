import Foundation
import Synchronization

/// Slows repeated failed logins of one name: each failure doubles the pause
/// before the next answer for that name, so guessing a password takes years.
final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: (count: Int, last: Double)]>([:])
    let base: Double
    let maximum: Double

    init(base: Double, maximum: Double) {
        self.base = base
        self.maximum = maximum
    }

    /// How long to wait before checking a password for `name`.
    func delay(for name: String) -> Double {
        failures.withLock { all in
            guard let entry = all[name] else { return 0 }
            // Forgotten after a quiet quarter of an hour.
            if Date().timeIntervalSince1970 - entry.last > 900 {
                all[name] = nil
                return 0
            }
            return min(base * pow(2, Double(entry.count - 1)), maximum)
        }
    }

    func failed(_ name: String) {
        failures.withLock { all in
            let count = (all[name]?.count ?? 0) + 1
            all[name] = (count, Date().timeIntervalSince1970)
        }
    }

    func succeeded(_ name: String) {
        _ = failures.withLock { $0.removeValue(forKey: name) }
    }
}
