import Dispatch
import Synchronization

/// Runs one piece of work per file on all cores and gives the results in
/// the files' order: the loop `imon validate`, `imon merge` and the portal share.
enum ParallelFiles {
    static func map<T: Sendable>(_ count: Int, progress: ProgressHandler?, _ work: @Sendable (Int) -> T) -> [T] {
        let results = Mutex<[Int: T]>([:])
        let done = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = work(i)
            results.withLock { $0[i] = result }
            let n = done.withLock { count -> Int in
                count += 1
                return count
            }
            progress?(.checked(done: n, of: count))
        }
        return results.withLock { all in (0..<count).compactMap { all[$0] } }
    }
}
