import Foundation
import Synchronization

/// Slows repeated failed logins, counted per user name and per client
/// address: each failure doubles the pause before the next answer for that
/// name, so guessing one password takes years; and an address that tries
/// many names is slowed alike once it passed a few failures (colleagues
/// behind one office router mistype too). An attempt is counted when it
/// starts, not when it failed, so that attempts sent all at once wait in turn.
final class LoginThrottle: Sendable {
    private struct Tally { var count: Int; var last: Double }
    private let names = Mutex<[String: Tally]>([:])
    private let addresses = Mutex<[String: Tally]>([:])
    let base: Double
    let maximum: Double
    /// Failures an address may have before its own pause begins.
    let addressAllowance: Int
    /// Counts are forgotten after a quiet quarter of an hour.
    static let memory: Double = 900

    init(base: Double, maximum: Double, addressAllowance: Int = 4) {
        self.base = base
        self.maximum = maximum
        self.addressAllowance = addressAllowance
    }

    /// Counts an attempt for `name` from `address`; returns how long to wait before checking its password.
    func admit(name: String, address: String) -> Double {
        let now = Date().timeIntervalSince1970
        let byName = Self.count(name, in: names, now: now)
        let byAddress = Self.count(address, in: addresses, now: now)
        return max(pause(after: byName), pause(after: byAddress - addressAllowance))
    }

    /// The password was right: the name's failures are forgotten, and this attempt does not count against the address.
    func succeeded(name: String, address: String) {
        _ = names.withLock { $0.removeValue(forKey: name) }
        addresses.withLock { all in
            if let tally = all[address] { all[address]?.count = max(tally.count - 1, 0) }
        }
    }

    /// The pause before an attempt that follows `failures` failures.
    private func pause(after failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        return min(base * pow(2, Double(min(failures, 60) - 1)), maximum)
    }

    /// The failures counted before this attempt; this one is counted too.
    private static func count(_ key: String, in table: borrowing Mutex<[String: Tally]>, now: Double) -> Int {
        table.withLock { all in
            var tally = all[key] ?? Tally(count: 0, last: now)
            if now - tally.last > memory { tally.count = 0 }
            let before = tally.count
            tally.count += 1
            tally.last = now
            all[key] = tally
            // Old entries go, so that many names or addresses do not pile up.
            if all.count > 10_000 { all = all.filter { now - $0.value.last <= memory } }
            return before
        }
    }
}
