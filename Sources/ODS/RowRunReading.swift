import Spreadsheet
import XMLStream

/// Reads a spreadsheet body on several cores: `RowSegmenter` cuts the rows
/// of the tables into runs, `RowRunWorkers` parse the runs, and a parser of
/// the skeleton (everything but those rows) takes the parsed runs in
/// document order, so visitors see the rows, tables and listing exactly as
/// one sequential pass gives them, on this thread.
///
/// Whatever goes wrong on the way (a run that does not parse, a limit, a
/// broken skeleton) stops the runs where they stand, and a sequential pass
/// picks up from there (`ResumePoint`): errors read exactly as they do
/// without runs, with the same line and column.
struct RowRunReading<V: SheetVisitor> {
    let selection: TableSelection
    let maxCells: Int
    let limits: XMLLimits
    let part: String
    /// Bytes of rows per run.
    var runSize = 1 << 18
    /// Runs handed over and not yet taken, at most.
    var maxInFlight = 8
    var threads = 2

    /// Streams the document from `feed` (which passes each chunk on, and
    /// stops when a chunk's handler throws `StopReading`); `sequential`
    /// reads it again from the start with a parser that resumes.
    /// Returns whether the document had a spreadsheet body.
    func read(makeVisitor: @escaping (Int) -> V, finished: @escaping (Int, V) throws -> Void,
              listing: @escaping (SheetInfo) throws -> Void,
              feed: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void,
              sequential: (ContentParser<V>) throws -> Void) throws -> Bool {
        let skeleton = ContentParser<Relay<V>>(
            selected: selection, maxCells: maxCells,
            makeVisitor: { Relay(inner: makeVisitor($0)) },
            finished: { index, relay in try Relay<V>.passing { try finished(index, relay.inner) } },
            listing: { info in try Relay<V>.passing { try listing(info) } })
        let scanner = XMLScanner(handler: skeleton, documentName: part, limits: limits)
        var segmenter = RowSegmenter(segmentSize: runSize)
        var queue = RunQueue()
        var workers: RowRunWorkers?
        defer { workers?.stop() }

        func handle(_ piece: RowSegmenter.Piece) throws {
            switch piece {
            case .skeleton(let bytes):
                queue.append(.skeleton(bytes))
            case .rows(let tableTag, let table, let bytes, let wrapper):
                if workers == nil {
                    workers = RowRunWorkers(threads: threads, limits: limits, maxCells: maxCells)
                }
                guard let pool = workers else { throw RunOutOfPlace() }
                while pool.inFlight >= maxInFlight { _ = try deliverNext(waiting: true) }
                let ticket = pool.submit(tableTag: tableTag, bytes: bytes, wrapper: wrapper,
                                         collects: selection.contains(table))
                queue.append(.run(ticket: ticket, table: table))
            }
        }

        func deliverNext(waiting: Bool) throws -> Bool {
            guard let next = queue.first else { return false }
            switch next {
            case .skeleton(let bytes):
                try bytes.withUnsafeBytes { try scanner.feed($0) }
            case .run(let ticket, let table):
                guard let run = try workers?.take(ticket, wait: waiting) else { return false }
                try skeleton.take(run, ofTable: table)
            }
            queue.removeFirst()
            return true
        }

        do {
            try feed { chunk in
                try segmenter.feed(chunk, handle)
                while try deliverNext(waiting: false) {}
                if skeleton.isDone { throw StopReading() }
            }
            try segmenter.finish(handle)
            while try deliverNext(waiting: true) {}
            try scanner.finish()
            return skeleton.sawSpreadsheet
        } catch is StopReading {
            return skeleton.sawSpreadsheet
        } catch let failure as VisitorFailure {
            throw failure.error
        } catch {
            workers?.stop()
            let parser = ContentParser<V>(selected: selection, maxCells: maxCells, makeVisitor: makeVisitor,
                                          finished: finished, listing: listing,
                                          resume: skeleton.resumePoint { $0.inner })
            try sequential(parser)
            return parser.sawSpreadsheet
        }
    }
}

/// Ends a pass early once every selected table has been read.
struct StopReading: Error {}

/// The pieces of a body waiting to be parsed or taken, in document order.
private struct RunQueue {
    enum Item {
        case skeleton([UInt8])
        case run(ticket: Int, table: Int)
    }

    private var items: [Item] = []
    private var head = 0

    var first: Item? { head < items.count ? items[head] : nil }

    mutating func append(_ item: Item) { items.append(item) }

    mutating func removeFirst() {
        items[head] = .run(ticket: -1, table: -1)
        head += 1
        if head >= 256 {
            items.removeFirst(head)
            head = 0
        }
    }
}

/// A visitor that marks what its visitor throws, so that the reader can
/// tell the caller's errors (passed on as they are) from its own.
struct Relay<V: SheetVisitor>: SheetVisitor {
    var inner: V

    mutating func visit(_ row: Row) throws {
        try Relay.passing { try inner.visit(row) }
    }

    mutating func finish(_ summary: SheetSummary) throws {
        try Relay.passing { try inner.finish(summary) }
    }

    static func passing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw VisitorFailure(error: error) }
    }
}

/// An error of the caller's visitor or callbacks.
struct VisitorFailure: Error {
    var error: any Error
}

