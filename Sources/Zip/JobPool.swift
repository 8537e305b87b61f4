import Dispatch
import Spreadsheet
import Synchronization
import XMLStream
import Zip

/// The rows of one run, parsed on its own: row indices count from the run's
/// first row, and spans reach no further up than that.
struct ParsedRowRun: Sendable {
    var rows: [Row] = []
    /// Rows the run moves the table on by, empty ones included.
    var rowCount = 0
    var cellCount = 0
    var merged: [CellRange] = []
    /// Spans that reach below the run.
    var openSpans: [CellRange] = []
}

/// Parses runs of rows (`RowSegmenter`) on threads of their own; results
/// are taken by ticket, in whatever order the runs finish.
final class RowRunWorkers: @unchecked Sendable {
    private struct Job {
        var ticket: Int
        var tableTag: [UInt8]
        var bytes: [UInt8]
        var wrapper: RowSegmenter.Wrapper
        var collects: Bool
    }

    private struct State {
        var jobs: [Job] = []
        var nextJob = 0
        var results: [Int: Result<ParsedRowRun, any Error>] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    /// Both start at zero and are signalled once per job and per result.
    private let jobsWaiting = DispatchSemaphore(value: 0)
    private let resultsReady = DispatchSemaphore(value: 0)
    private var threads: [WorkerThread] = []
    private let limits: XMLLimits
    private let maxCells: Int
    private var submitted = 0
    private var taken = 0

    /// Runs handed over and not yet taken.
    var inFlight: Int { submitted - taken }

    /// Nil when no thread could be started.
    init?(threads count: Int, limits: XMLLimits, maxCells: Int) {
        self.limits = limits
        self.maxCells = maxCells
        for _ in 0..<count {
            guard let thread = WorkerThread.start({ [self] in work() }) else { break }
            threads.append(thread)
        }
        if threads.isEmpty { return nil }
    }

    /// Hands a run over; `collects` says whether its rows are wanted or only checked.
    func submit(tableTag: [UInt8], bytes: [UInt8], wrapper: RowSegmenter.Wrapper, collects: Bool) -> Int {
        let ticket = submitted
        submitted += 1
        state.withLock { s in
            s.jobs.append(Job(ticket: ticket, tableTag: tableTag, bytes: bytes, wrapper: wrapper, collects: collects))
        }
        jobsWaiting.signal()
        return ticket
    }

    /// The run with this ticket, waiting for it when `wait` says so.
    func take(_ ticket: Int, wait: Bool) throws -> ParsedRowRun? {
        while true {
            if let result = state.withLock({ $0.results.removeValue(forKey: ticket) }) {
                taken += 1
                return try result.get()
            }
            guard wait else { return nil }
            resultsReady.wait()
        }
    }

    /// Ends the threads; runs not parsed yet are dropped. The threads hold
    /// the workers until then, so whoever starts them must call this.
    func stop() {
        let wasStopped = state.withLock { s -> Bool in
            let was = s.stopped
            s.stopped = true
            s.jobs = []
            s.nextJob = 0
            return was
        }
        guard !wasStopped else { return }
        for _ in threads { jobsWaiting.signal() }
        for thread in threads { thread.join() }
    }

    private func work() {
        while true {
            jobsWaiting.wait()
            let next = state.withLock { s -> Job? in
                guard !s.stopped, s.nextJob < s.jobs.count else { return nil }
                let job = s.jobs[s.nextJob]
                s.jobs[s.nextJob].bytes = []
                s.nextJob += 1
                return job
            }
            guard let job = next else { return }
            let result = Result { try parse(job) }
            state.withLock { s in s.results[job.ticket] = result }
            resultsReady.signal()
        }
    }

    private func parse(_ job: Job) throws -> ParsedRowRun {
        var collected: RowCollector?
        let parser = ContentParser<RowCollector>(selected: job.collects ? .all : .only([]), maxCells: maxCells,
                                                 makeVisitor: { _ in RowCollector() }, finished: { _, c in collected = c })
        let scanner = XMLScanner(handler: parser, documentName: "content.xml", limits: limits)
        for part in [job.wrapper.opening, job.tableTag, job.bytes, job.wrapper.closing] {
            try part.withUnsafeBytes { try scanner.feed($0) }
        }
        try scanner.finish()
        guard parser.tables.count == 1 else { throw RunOutOfPlace() }
        return ParsedRowRun(rows: collected?.rows ?? [], rowCount: parser.nextRow, cellCount: parser.cellCount,
                            merged: collected?.merged ?? [], openSpans: parser.spans)
    }
}

/// Keeps the rows of a run as they come.
private struct RowCollector: SheetVisitor {
    var rows: [Row] = []
    var merged: [CellRange] = []

    mutating func visit(_ row: Row) throws { rows.append(row) }
    mutating func finish(_ summary: SheetSummary) throws { merged = summary.mergedRanges }
}
