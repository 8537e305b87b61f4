import Spreadsheet
import XMLStream
import Zip

/// Reads a spreadsheet body on several cores: `RowSegmenter` cuts the rows
/// of the tables into runs, a `JobPool` parses them, and a parser of the
/// skeleton (everything but those rows) takes the parsed runs in document
/// order (`RowRunPipeline`), so visitors see the rows, tables and listing
/// exactly as one sequential pass gives them, on this thread.
///
/// Whatever goes wrong on the way (a run that does not parse, a limit, a
/// broken skeleton) stops the runs where they stand, and a sequential pass
/// picks up from there (`ResumePoint`): errors read exactly as they do
/// without runs, with the same cell, line and column.
struct RowRunReading<V: SheetVisitor> {
    let selection: TableSelection
    let maxCells: Int
    let limits: XMLLimits
    let part: String
    /// Bytes of rows per run.
    let runSize: Int

    /// Streams the document from `feed` (which passes each chunk on, and
    /// stops when a chunk's handler throws `StopReading`); `sequential`
    /// reads it again from the start with a parser that resumes.
    /// Returns whether the document had a spreadsheet body.
    func read(makeVisitor: @escaping (Int) -> V, finished: @escaping (Int, V) throws -> Void,
              listing: @escaping (SheetInfo) throws -> Void,
              feed: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void,
              sequential: (ContentParser<V>) throws -> Void) throws -> Bool {
        let skeleton = ContentParser<MarkingVisitor<V>>(
            selected: selection, maxCells: maxCells,
            makeVisitor: { MarkingVisitor(makeVisitor($0)) },
            finished: { index, marking in try VisitorFailure.marking { try finished(index, marking.inner) } },
            listing: { info in try VisitorFailure.marking { try listing(info) } })
        let scanner = XMLScanner(handler: skeleton, documentName: part, limits: limits)
        var workers: JobPool<ParsedRowRun>?
        defer { workers?.stop() }
        let (selection, limits, maxCells) = (self.selection, self.limits, self.maxCells)
        var pipeline = RowRunPipeline<ParsedRowRun>(RowSegmenter(.openDocument, segmentSize: runSize)) { run in
            if workers == nil { workers = JobPool(threads: 2) }
            guard let pool = workers else { throw RunOutOfPlace() }
            let collects = selection.contains(run.container)
            return pool.submit { try ParsedRowRun(parsing: run, collecting: collects, limits: limits, maxCells: maxCells) }
        } take: { ticket, wait in
            try workers?.take(ticket, wait: wait)
        } skeleton: { bytes in
            try scanner.feed(bytes)
        } deliver: { run, table in
            // Rows the skeleton's parser holds back would come after the run's.
            guard !scanner.isHoldingBytes else { throw RunOutOfPlace() }
            try skeleton.take(run, ofTable: table)
        }

        do {
            try feed { chunk in
                try pipeline.feed(chunk)
                if skeleton.isDone { throw StopReading() }
            }
            try pipeline.finish()
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

/// The rows of one run, parsed on its own: row indices count from the run's
/// first row, and spans reach no further up than that.
struct ParsedRowRun: Sendable {
    var rows: [Row]
    /// Rows the run moves the table on by, empty ones included.
    var rowCount: Int
    var cellCount: Int
    var merged: [CellRange]
    /// Spans that reach below the run.
    var openSpans: [CellRange]

    /// Parses `run`; `collecting` says whether its rows are wanted or only checked.
    init(parsing run: RowSegmenter.Run, collecting: Bool, limits: XMLLimits, maxCells: Int) throws {
        var collected: RowCollector?
        let parser = ContentParser<RowCollector>(selected: collecting ? .all : .only([]), maxCells: maxCells,
                                                 makeVisitor: { _ in RowCollector() }, finished: { _, c in collected = c })
        let scanner = XMLScanner(handler: RunHandler(parser), documentName: "content.xml", limits: limits)
        try run.parse(with: scanner)
        guard parser.tables.count == 1 else { throw RunOutOfPlace() }
        rows = collected?.rows ?? []
        rowCount = parser.nextRow
        cellCount = parser.cellCount
        merged = collected?.merged ?? []
        openSpans = parser.spans
    }
}

/// Hands the scanner's events to the parser of a run. The scanner calls a
/// handler through the protocol, and the conformance of the generic
/// ContentParser runs its unspecialised code, which finds every stored
/// property through the type's metadata; called from here, with its visitor
/// type known, the parser's methods are specialised.
private final class RunHandler: XMLEventHandler {
    let parser: ContentParser<RowCollector>

    init(_ parser: ContentParser<RowCollector>) { self.parser = parser }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        try parser.startElement(name, attributes: attributes)
    }

    func endElement(_ name: XMLName) throws { try parser.endElement(name) }

    func characters(_ text: UnsafeRawBufferPointer) throws { try parser.characters(text) }
}

/// Keeps the rows of a run as they come, up to a number of cells: repeated
/// rows can make a short run hold very many, which one pass visits one row
/// at a time instead.
struct RowCollector: SheetVisitor {
    var rows: [Row] = []
    var merged: [CellRange] = []
    private var cells = 0
    static let maxCells = 1 << 18

    mutating func visit(_ row: Row) throws {
        cells += row.cells.count
        if cells > RowCollector.maxCells { throw RunOutOfPlace() }
        // In cells of its own size, so that the parser keeps its buffer.
        rows.append(row.compacted)
    }
    mutating func finish(_ summary: SheetSummary) throws { merged = summary.mergedRanges }
}
