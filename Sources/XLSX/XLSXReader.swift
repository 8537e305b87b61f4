import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Spreadsheet
import Synchronization
import XMLStream
import Zip

/// Reads an Office Open XML workbook (`.xlsx`, `.xlsm`, `.xltx`, Transitional
/// or Strict), streaming each worksheet part.
///
/// Parts are found through the relationships, never by assumed names
/// (ECMA-376 Part 2, 9.3): `_rels/.rels` → workbook → its relationships →
/// worksheets, shared strings, styles.
public final class XLSXReader: WorkbookReader {
    public let properties: WorkbookProperties
    public let sheets: [SheetInfo]
    /// Cells per sheet beyond which reading stops with an error.
    public var maxCellsPerSheet = 100_000_000
    /// Bounds on the XML of the sheets and shared strings.
    public var xmlLimits = XMLLimits.default

    private let zip: ZipArchive
    private let sheetParts: [String]
    private let sharedStringsEntry: ZipEntry?
    private let styles: Styles
    private var sharedStrings: SharedStringStore?
    private let dateSystem: DateSystem

    /// Opens the package at `path`.
    public convenience init(path: String, limits: ZipLimits = .default) throws {
        let zip: ZipArchive
        do { zip = try ZipArchive(path: path, limits: limits) } catch let error as ZipError { throw XLSXError.zip(error) }
        try self.init(zip: zip)
    }

    /// Reads the workbook structure of an opened package.
    public init(zip: ZipArchive) throws {
        self.zip = zip
        let root = try Relationships(of: "", in: zip)
        let workbookPath = root.first(RelationshipKind.officeDocument)?.target ?? "xl/workbook.xml"
        guard let workbookBytes = try withPart(workbookPath, { try zip.data(named: workbookPath) }) else {
            throw XLSXError.noWorkbook
        }
        let workbook = try withPart(workbookPath) { WorkbookPart(try XMLElement.parse(workbookBytes, documentName: workbookPath)) }
        let rels = try Relationships(of: workbookPath, in: zip)

        var sheets: [SheetInfo] = [], parts: [String] = []
        for entry in workbook.sheets {
            guard let rel = rels.with(id: entry.relationshipID) else {
                throw XLSXError.sheetWithoutPart(sheet: entry.name, relationshipID: entry.relationshipID, part: workbookPath)
            }
            // Chart sheets, dialog sheets and macro sheets hold no cells.
            guard rel.kind == RelationshipKind.worksheet else { continue }
            sheets.append(SheetInfo(name: entry.name, visibility: entry.visibility))
            parts.append(rel.target)
        }
        self.sheets = sheets
        self.sheetParts = parts

        sharedStringsEntry = rels.first(RelationshipKind.sharedStrings).flatMap { zip.entry(named: $0.target) }
        if let stylesPath = rels.first(RelationshipKind.styles)?.target,
           let bytes = try withPart(stylesPath, { try zip.data(named: stylesPath) }) {
            styles = try withPart(stylesPath) { Styles(try XMLElement.parse(bytes, documentName: stylesPath)) }
        } else {
            styles = Styles()
        }
        var application: String?
        if let appPath = root.first(RelationshipKind.extendedProperties)?.target,
           let bytes = try? zip.data(named: appPath), let app = try? XMLElement.parse(bytes) {
            let name = app.child(named: "Application")?.text
            // LibreOffice names its version inside Application already.
            let version = name?.contains("/") == true ? nil : app.child(named: "AppVersion")?.text
            application = [name, version].compactMap { $0 }.joined(separator: " ")
            if application?.isEmpty == true { application = nil }
        }
        dateSystem = workbook.dateSystem
        properties = WorkbookProperties(format: .xlsx, application: application, dateSystem: workbook.dateSystem)
    }

    /// Inflating runs a few chunks ahead on another thread (`ZipArchive.readAhead`).
    public func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V) throws {
        try readSheet(at: index, into: &visitor, inflateAhead: true)
    }

    /// With `awaitingStrings` false the sheet is read without waiting for
    /// the rest of the shared strings; the caller then waits before it uses
    /// the visitor.
    private func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V, inflateAhead: Bool,
                                            awaitingStrings: Bool = true) throws {
        let strings = try loadSharedStrings()
        let summary: SheetSummary
        if inflateAhead, let entry = zip.entry(named: sheetParts[index]), rowRuns.apply(toPartOf: entry.uncompressedSize),
           WorkerThread.hasSecondCore {
            summary = try readSheetInRuns(at: index, entry: entry, into: &visitor, strings: strings)
        } else {
            let box = VisitorBox(visitor)
            let parser = WorksheetParser(part: sheetParts[index], sharedStrings: strings, styles: styles,
                                         dateSystem: dateSystem, maxCells: maxCellsPerSheet, deliver: box.visit)
            try scanSheet(at: index, with: parser, shortcut: parser, inflateAhead: inflateAhead)
            visitor = box.visitor
            summary = SheetSummary(mergedRanges: parser.mergedRanges, declaredDimension: parser.dimension)
        }
        // A broken table fails the read even where this sheet used none of it.
        if awaitingStrings { try strings.finish() }
        try visitor.finish(summary)
    }

    /// Which worksheet parts are parsed in runs on several cores.
    public var rowRuns = RowRuns.default
    /// Whether rows of the usual shape are read straight from their bytes
    /// (`RowMarkup`) rather than through the scanner's events; off only to
    /// compare the two.
    public var readsRowMarkup = true

    /// Reads a sheet on several cores: `RowSegmenter` cuts its rows into
    /// runs, a `JobPool` parses them, and the parser of the rest of the part
    /// takes them in order (`RowRunPipeline`), so the visitor sees the rows
    /// as one pass gives them. Whatever goes wrong on the way stops the runs
    /// where they stand, and a pass without runs continues from there, so
    /// errors read exactly as without runs.
    private func readSheetInRuns<V: SheetVisitor>(at index: Int, entry: ZipEntry, into visitor: inout V,
                                                  strings: SharedStringStore) throws -> SheetSummary {
        let part = sheetParts[index]
        let (styles, dateSystem, limits, maxCells) = (self.styles, self.dateSystem, xmlLimits, maxCellsPerSheet)
        let rowMarkup = readsRowMarkup
        let box = VisitorBox(MarkingVisitor(visitor))
        let skeleton = WorksheetParser(part: part, sharedStrings: strings, styles: styles, dateSystem: dateSystem,
                                       maxCells: maxCells, deliver: box.visit)
        let scanner = XMLScanner(handler: skeleton, documentName: part, limits: limits)
        if rowMarkup { scanner.shortcut = skeleton }
        var workers: JobPool<ParsedSheetRun>?
        defer { workers?.stop() }
        var pipeline = RowRunPipeline<ParsedSheetRun>(RowSegmenter(.spreadsheetML, segmentSize: rowRuns.runSize)) { run in
            if workers == nil { workers = JobPool(threads: 2) }
            guard let pool = workers else { throw RunOutOfPlace() }
            return pool.submit {
                try ParsedSheetRun(parsing: run, part: part, sharedStrings: strings, styles: styles, dateSystem: dateSystem,
                                   limits: limits, maxCells: maxCells, rowMarkup: rowMarkup)
            }
        } take: { ticket, wait in
            try workers?.take(ticket, wait: wait)
        } skeleton: { bytes in
            try scanner.feed(bytes)
        } deliver: { run, _ in
            // Rows the skeleton's parser holds back would come after the run's.
            guard !scanner.isHoldingBytes else { throw RunOutOfPlace() }
            try skeleton.take(run)
        }
        do {
            try zip.readAhead(entry) { try pipeline.feed($0) }
            try pipeline.finish()
            try scanner.finish()
            visitor = box.visitor.inner
            return SheetSummary(mergedRanges: skeleton.mergedRanges, declaredDimension: skeleton.dimension)
        } catch let failure as VisitorFailure {
            throw failure.error
        } catch {
            workers?.stop()
            let rest = VisitorBox(box.visitor.inner)
            let parser = WorksheetParser(part: part, sharedStrings: strings, styles: styles, dateSystem: dateSystem,
                                         maxCells: maxCells, skipping: skeleton.visited, deliver: rest.visit)
            try scanSheet(at: index, with: parser, shortcut: parser, inflateAhead: true)
            visitor = rest.visitor
            return SheetSummary(mergedRanges: parser.mergedRanges, declaredDimension: parser.dimension)
        }
    }

    /// The merged ranges and row order of a sheet, from a pass over its
    /// part that keeps nothing else (about a third of the cost of reading it).
    public func preview(ofSheetAt index: Int) throws -> SheetPreview? {
        let scan = SheetPreviewScan()
        try scanSheet(at: index, with: scan, inflateAhead: false)
        return SheetPreview(mergedRanges: scan.mergedRanges, rowsInOrder: scan.rowsInOrder)
    }

    /// Streams the part of the sheet at `index` through `handler`.
    private func scanSheet(at index: Int, with handler: any XMLEventHandler, shortcut: (any XMLShortcut)? = nil,
                           inflateAhead: Bool) throws {
        let part = sheetParts[index]
        guard let entry = zip.entry(named: part) else {
            throw XLSXError.missingPart(part, neededFor: "sheet \"\(sheets[index].name)\"")
        }
        try withPart(part) {
            let xml = XMLScanner(handler: handler, documentName: part, limits: xmlLimits)
            if readsRowMarkup { xml.shortcut = shortcut }
            if inflateAhead {
                try zip.readAhead(entry) { try xml.feed($0) }
            } else {
                try zip.read(entry) { try xml.feed($0) }
            }
            try xml.finish()
        }
    }

    /// Reads the sheets on both cores, each thread taking the next sheet
    /// not yet taken (each sheet is a part of its own), in windows of 32
    /// sheets whose visitors are handed to `finished` in order; one sheet
    /// is read on this thread as by `readSheets`.
    public func readSheetsConcurrently<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                                        finished: (Int, V) throws -> Void) throws {
        let ordered = Set(indices).sorted()
        let workers = min(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        guard ordered.count > 1, workers > 1 else {
            return try readSheets(at: ordered, making: makeVisitor, finished: finished)
        }
        // While the shared strings are read on their own thread, this thread
        // reads the first sheets, so that both cores work; two sheets' threads
        // beside the strings' would compete with it. Their visitors are handed
        // on once the whole table is read, as a broken table fails the read.
        let strings = try loadSharedStrings()
        var start = 0
        var early: [(index: Int, visitor: V)] = []
        while start < ordered.count && early.count < 32 && !strings.hasEnded {
            var visitor = makeVisitor(ordered[start])
            try readSheet(at: ordered[start], into: &visitor, inflateAhead: false, awaitingStrings: false)
            early.append((ordered[start], visitor))
            start += 1
        }
        try strings.finish()
        for sheet in early { try finished(sheet.index, sheet.visitor) }
        early = []
        // Reading a sheet only reads the reader's state (the zip's running
        // total has its own lock).
        nonisolated(unsafe) let reader = self
        while start < ordered.count {
            let window = Array(ordered[start..<min(start + 32, ordered.count)])
            let results = ConcurrentResults<V>(window.map { makeVisitor($0) })
            let next = Atomic<Int>(0)
            let failed = Atomic<Bool>(false)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // Sheets are taken in order, so every sheet before a failed
                // one has been read when the threads are done.
                while !failed.load(ordering: .relaxed) {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard k < window.count else { return }
                    var visitor = results.visitor(k)
                    do {
                        try reader.readSheet(at: window[k], into: &visitor, inflateAhead: false)
                        results.set(k, visitor: visitor)
                    } catch {
                        results.set(k, error: error)
                        failed.store(true, ordering: .relaxed)
                    }
                }
            }
            for (k, index) in window.enumerated() {
                if let error = results.error(k) { throw error }
                try finished(index, results.visitor(k))
            }
            start += window.count
        }
    }

    /// The shared strings, being read on a thread of their own from the
    /// first time a sheet needs them.
    private func loadSharedStrings() throws -> SharedStringStore {
        if let sharedStrings { return sharedStrings }
        let store = try sharedStringsEntry.map { try SharedStringStore.reading($0, in: zip, limits: xmlLimits) } ?? .empty()
        sharedStrings = store
        return store
    }

    deinit {
        sharedStrings?.stop()
    }
}

/// The visitors and errors of sheets read at once, each slot written by one
/// thread only, read after all have finished. The slots live in buffers of
/// their own: writing an element of a shared Swift array from two threads
/// would be two modifications of the one array.
private final class ConcurrentResults<V>: @unchecked Sendable {
    private let visitors: UnsafeMutableBufferPointer<V>
    private let errors: UnsafeMutableBufferPointer<(any Error)?>

    init(_ start: [V]) {
        visitors = .allocate(capacity: start.count)
        _ = visitors.initialize(from: start)
        errors = .allocate(capacity: start.count)
        errors.initialize(repeating: nil)
    }

    deinit {
        visitors.deinitialize().deallocate()
        errors.deinitialize().deallocate()
    }

    func visitor(_ k: Int) -> V { visitors[k] }
    func error(_ k: Int) -> (any Error)? { errors[k] }
    func set(_ k: Int, visitor: V) { visitors[k] = visitor }
    func set(_ k: Int, error: any Error) { errors[k] = error }
}
