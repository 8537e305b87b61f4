import Dispatch
import Synchronization

/// Jobs run on threads of their own (`WorkerThread`), taken by ticket in
/// whatever order they finish: for parsing runs of rows beside the thread
/// that reads the part. Submitting and taking happen on one thread.
public final class JobPool<Result: Sendable>: @unchecked Sendable {
    public typealias Job = @Sendable () throws -> Result

    private struct State {
        /// Jobs not begun, oldest first; few at a time (the submitter bounds what is in flight).
        var jobs: [(ticket: Int, job: Job)] = []
        var results: [Int: Swift.Result<Result, any Error>] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    /// Both start at zero and are signalled once per job and per result.
    private let jobsWaiting = DispatchSemaphore(value: 0)
    private let resultsReady = DispatchSemaphore(value: 0)
    private var threads: [WorkerThread] = []
    private var submitted = 0
    private var taken = 0

    /// Jobs submitted and not yet taken.
    public var inFlight: Int { submitted - taken }

    /// Nil when no thread could be started. The threads hold the pool until
    /// `stop`, so whoever starts them must call it.
    public init?(threads count: Int) {
        for _ in 0..<count {
            guard let thread = WorkerThread.start({ [self] in work() }) else { break }
            threads.append(thread)
        }
        if threads.isEmpty { return nil }
    }

    /// Hands a job over; returns its ticket.
    public func submit(_ job: @escaping Job) -> Int {
        let ticket = submitted
        submitted += 1
        state.withLock { s in s.jobs.append((ticket, job)) }
        jobsWaiting.signal()
        return ticket
    }

    /// What the job with this ticket returned (or throws what it threw),
    /// waiting for it when `wait` says so; nil when it is not done and `wait` does not.
    public func take(_ ticket: Int, wait: Bool) throws -> Result? {
        while true {
            if let result = state.withLock({ $0.results.removeValue(forKey: ticket) }) {
                taken += 1
                return try result.get()
            }
            guard wait else { return nil }
            resultsReady.wait()
        }
    }

    /// Ends the threads; jobs not begun are dropped.
    public func stop() {
        let wasStopped = state.withLock { s -> Bool in
            let was = s.stopped
            s.stopped = true
            s.jobs = []
            return was
        }
        guard !wasStopped else { return }
        for _ in threads { jobsWaiting.signal() }
        for thread in threads { thread.join() }
    }

    private func work() {
        while true {
            jobsWaiting.wait()
            let next = state.withLock { s -> (ticket: Int, job: Job)? in
                guard !s.stopped, !s.jobs.isEmpty else { return nil }
                return s.jobs.removeFirst()
            }
            guard let next else { return }
            let result = Swift.Result { try next.job() }
            state.withLock { s in s.results[next.ticket] = result }
            resultsReady.signal()
        }
    }
}
