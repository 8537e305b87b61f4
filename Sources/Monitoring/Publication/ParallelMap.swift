import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `map` on all cores, the results in the order of the input.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let workers = max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), items.count, 8))
        guard workers > 1 else { return items.map(body) }
        let results = Slots<R>(count: items.count)
        // Worker w takes items w, w + workers, …: groups come sorted, so large and small ones mix.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: items.count, by: workers) { results.set(i, body(items[i])) }
        }
        return results.values()
    }

    /// One slot per item, each written by exactly one worker before `values()` reads them all.
    private final class Slots<R>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<R?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func set(_ i: Int, _ value: R) { storage[i] = value }

        func values() -> [R] { (0..<count).compactMap { storage[$0] } }
    }
}
