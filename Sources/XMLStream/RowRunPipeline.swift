/// Keeps the pieces of a part in document order while its runs of rows are
/// parsed elsewhere: `RowSegmenter` cuts the chunks, each run is handed to
/// `submit` (which starts it on another thread and gives a ticket), and the
/// skeleton and the parsed runs are passed on in order as they become
/// ready, on the calling thread.
public struct RowRunPipeline<Parsed> {
    private enum Item {
        case skeleton([UInt8])
        case run(ticket: Int, container: Int)
    }

    private var segmenter: RowSegmenter
    private var items: [Item?] = []
    private var head = 0
    private var inFlight = 0
    /// Bytes of skeleton waiting behind a run.
    private var queuedBytes = 0
    /// Runs handed over and not yet passed on, at most.
    public var maxInFlight = 8
    /// Bytes of skeleton that may wait behind a run before the next piece waits for it.
    public var maxQueuedBytes = 4 << 20

    private let submit: (RowSegmenter.Run) throws -> Int
    private let take: (_ ticket: Int, _ wait: Bool) throws -> Parsed?
    private let skeleton: (UnsafeRawBufferPointer) throws -> Void
    private let deliver: (_ run: Parsed, _ container: Int) throws -> Void

    /// - Parameters:
    ///   - submit: starts parsing a run; returns its ticket.
    ///   - take: the parsed run of a ticket, waiting for it or not; nil when not ready.
    ///   - skeleton: takes the next bytes of the rest of the part.
    ///   - deliver: takes the next parsed run, with the container it belongs to.
    public init(_ segmenter: RowSegmenter, submit: @escaping (RowSegmenter.Run) throws -> Int,
                take: @escaping (Int, Bool) throws -> Parsed?, skeleton: @escaping (UnsafeRawBufferPointer) throws -> Void,
                deliver: @escaping (Parsed, Int) throws -> Void) {
        self.segmenter = segmenter
        self.submit = submit
        self.take = take
        self.skeleton = skeleton
        self.deliver = deliver
    }

    /// The next chunk of the part; passes on what is ready without waiting.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        var pieces: [RowSegmenter.Piece] = []
        segmenter.feed(chunk) { pieces.append($0) }
        try handle(pieces)
        while try passNext(waiting: false) {}
    }

    /// The end of the part: passes on everything, waiting for the runs.
    public mutating func finish() throws {
        var pieces: [RowSegmenter.Piece] = []
        segmenter.finish { pieces.append($0) }
        try handle(pieces)
        while try passNext(waiting: true) {}
    }

    private mutating func handle(_ pieces: [RowSegmenter.Piece]) throws {
        for piece in pieces {
            switch piece {
            case .skeleton(let bytes):
                while queuedBytes > maxQueuedBytes { _ = try passNext(waiting: true) }
                items.append(.skeleton(bytes))
                queuedBytes += bytes.count
            case .rows(let run):
                while inFlight >= maxInFlight { _ = try passNext(waiting: true) }
                items.append(.run(ticket: try submit(run), container: run.container))
                inFlight += 1
            }
        }
    }

    private mutating func passNext(waiting: Bool) throws -> Bool {
        guard head < items.count, let item = items[head] else { return false }
        switch item {
        case .skeleton(let bytes):
            queuedBytes -= bytes.count
            try bytes.withUnsafeBytes { try skeleton($0) }
        case .run(let ticket, let container):
            guard let parsed = try take(ticket, waiting) else { return false }
            inFlight -= 1
            try deliver(parsed, container)
        }
        items[head] = nil
        head += 1
        if head >= 256 {
            items.removeFirst(head)
            head = 0
        }
        return true
    }
}

/// Thrown by a parser that cannot take a run parsed on its own as it is
/// (or cannot start the threads to parse it): the reader then reads the
/// part without runs, from where the runs stopped.
public struct RunOutOfPlace: Error {
    public init() {}
}
