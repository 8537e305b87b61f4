import Spreadsheet
import XMLStream
import Zip

/// Reads an OpenDocument spreadsheet: a zip package (`.ods`, ODF 1.2 Part 3)
/// or a flat XML document (`.fods`). Every table lives in one part, so the
/// tables of a package are listed by a streaming pass of their own when
/// `sheets` is first asked for, and `readEverySheet` lists them on its way.
public final class ODSReader: WorkbookReader {
    public private(set) var properties: WorkbookProperties
    /// Cells per sheet beyond which reading stops with an error.
    public var maxCellsPerSheet = 100_000_000
    /// Bounds on the XML of the document.
    public var xmlLimits = XMLLimits.default
    /// Most tables the document may have.
    public var maxSheets = Int.max

    private enum Source {
        case package(ZipArchive, ZipEntry)
        case flat(MappedFile)

        var partName: String {
            switch self {
            case .package: return "content.xml"
            case .flat: return "document"
            }
        }
    }

    private let source: Source
    private var listed: [SheetInfo]?

    /// Reads the structure of an opened `.ods` package.
    public convenience init(zip: ZipArchive) throws {
        if let mimetype = try withPart("mimetype", { try zip.data(named: "mimetype") }) {
            let text = String(decoding: mimetype, as: UTF8.self).trimmingCharacters()
            guard text.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") else {
                throw ODSError.notASpreadsheet(mimetype: text)
            }
        }
        if let manifest = try withPart("META-INF/manifest.xml", { try zip.data(named: "META-INF/manifest.xml") }) {
            let root = try withPart("META-INF/manifest.xml") { try XMLElement.parse(manifest, documentName: "META-INF/manifest.xml") }
            if !root.descendants(named: "encryption-data").isEmpty { throw ODSError.encrypted }
        }
        guard let content = zip.entry(named: "content.xml") else { throw ODSError.missingContent }
        var generator: String?
        if let meta = try? zip.data(named: "meta.xml"), let root = try? XMLElement.parse(meta) {
            generator = root.descendants(named: "generator").first?.text
        }
        self.init(source: .package(zip, content), properties: WorkbookProperties(format: .ods, application: generator))
    }

    /// Reads the structure of a flat OpenDocument spreadsheet (`.fods`),
    /// which names its generator inside the one document: listed at once.
    public convenience init(flatDocument file: MappedFile) throws {
        self.init(source: .flat(file), properties: WorkbookProperties(format: .fods))
        let lister = try ODSReader.listWithParser(source)
        listed = lister.tables
        properties.application = lister.generator
    }

    private init(source: Source, properties: WorkbookProperties) {
        self.source = source
        self.properties = properties
    }

    public var sheets: [SheetInfo] {
        get throws {
            // Where the byte scan gives up, the parser lists them.
            let tables = try listed ?? ODSReader.scanTables(source) ?? ODSReader.listWithParser(source).tables
            listed = tables
            if tables.count > maxSheets { throw ODSError.tooManyTables(count: tables.count, limit: maxSheets) }
            return tables
        }
    }

    /// Rows of a table come in order, and the cells covered by a span are
    /// left out as they are read: a table can be streamed as it stands.
    public func preview(ofSheetAt index: Int) throws -> SheetPreview? {
        SheetPreview(mergedRanges: [], rowsInOrder: true)
    }

    public func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V) throws {
        var result: V?
        let start = visitor
        try readSheets(at: [index], making: { _ in start }) { _, done in result = done }
        if let result { visitor = result }
    }

    public func readSheets<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                            finished: (Int, V) throws -> Void) throws {
        guard !indices.isEmpty else { return }
        try read(.only(Set(indices)), making: makeVisitor, finished: finished)
    }

    /// One pass that reads every table and lists them, unless they are listed already.
    public func readEverySheet<V: SheetVisitor>(concurrently: Bool, making makeVisitor: (Int) -> V,
                                                finished: (SheetInfo, V) throws -> Void) throws {
        if listed != nil {
            let sheets = try self.sheets
            try readSheets(at: Array(sheets.indices), making: makeVisitor) { try finished(sheets[$0], $1) }
            return
        }
        var tables: [SheetInfo] = []
        let sawSpreadsheet = try read(.all, making: makeVisitor) { index, visitor in
            try finished(tables[index], visitor)
        } listing: { table in
            guard tables.count < self.maxSheets else { throw ODSError.tooManyTables(count: nil, limit: self.maxSheets) }
            tables.append(table)
        }
        guard sawSpreadsheet else { throw ODSError.notASpreadsheet(mimetype: ODSReader.withoutBody) }
        listed = tables
    }

    /// Streams the selected tables; returns whether the document had a spreadsheet body.
    @discardableResult
    private func read<V: SheetVisitor>(_ selection: TableSelection, making makeVisitor: (Int) -> V,
                                       finished: (Int, V) throws -> Void,
                                       listing: (SheetInfo) throws -> Void = { _ in }) throws -> Bool {
        try withoutActuallyEscaping(makeVisitor) { make in
            try withoutActuallyEscaping(finished) { done in
                try withoutActuallyEscaping(listing) { list in
                    guard let runs = runReading(selection, of: V.self) else {
                        let parser = ContentParser<V>(selected: selection, maxCells: maxCellsPerSheet, makeVisitor: make,
                                                      finished: done, listing: list)
                        try ODSReader.stream(source, into: parser, limits: xmlLimits)
                        return parser.sawSpreadsheet
                    }
                    let source = self.source, limits = xmlLimits
                    return try withPart(source.partName) {
                        try runs.read(makeVisitor: make, finished: done, listing: list) { body in
                            try ODSReader.feed(source, body)
                        } sequential: { parser in
                            try ODSReader.stream(source, into: parser, limits: limits)
                        }
                    }
                }
            }
        }
    }

    /// Which bodies are parsed in runs on several cores (`RowRunReading`).
    public var rowRuns = RowRuns.default

    /// Reading in runs, where the body is large enough and there is a second core.
    private func runReading<V>(_ selection: TableSelection, of: V.Type) -> RowRunReading<V>? {
        guard WorkerThread.hasSecondCore else { return nil }
        let size: UInt64
        switch source {
        case .package(_, let entry): size = entry.uncompressedSize
        case .flat(let file): size = UInt64(file.bytes.count)
        }
        guard rowRuns.apply(toPartOf: size) else { return nil }
        return RowRunReading<V>(selection: selection, maxCells: maxCellsPerSheet, limits: xmlLimits, part: source.partName,
                                runSize: rowRuns.runSize)
    }

    private static let withoutBody = "an OpenDocument file without a spreadsheet body"

    /// Lists the tables with the XML parser: for flat documents, and where the byte scan gives up.
    private static func listWithParser(_ source: Source) throws -> ContentParser<SheetStatistics> {
        let lister = ContentParser<SheetStatistics>(selected: .only([]), maxCells: 0, makeVisitor: { _ in SheetStatistics() },
                                                    finished: { _, _ in })
        try stream(source, into: lister, limits: .default)
        guard lister.sawSpreadsheet else { throw ODSError.notASpreadsheet(mimetype: withoutBody) }
        return lister
    }

    /// Lists the tables by scanning the body's bytes; nil when the scan is not sure.
    private static func scanTables(_ source: Source) throws -> [SheetInfo]? {
        guard case .package(let zip, let entry) = source else { return nil }
        var listing = TableListing()
        try withPart("content.xml") { try zip.readAhead(entry) { listing.feed($0) } }
        return listing.result
    }

    /// Feeds the body to `parser`, stopping early once it has read every selected table.
    private static func stream<V>(_ source: Source, into parser: ContentParser<V>, limits: XMLLimits) throws {
        try withPart(source.partName) {
            let xml = XMLScanner(handler: parser, documentName: source.partName, limits: limits)
            do {
                try feed(source) { chunk in
                    try xml.feed(chunk)
                    if parser.isDone { throw StopReading() }
                }
                try xml.finish()
            } catch is StopReading {
            }
        }
    }

    /// Passes the body to `body` chunk by chunk.
    private static func feed(_ source: Source, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch source {
        case .package(let zip, let entry):
            try zip.readAhead(entry, body)
        case .flat(let file):
            var offset = 0
            let bytes = file.bytes
            repeat {
                let n = min(1 << 17, bytes.count - offset)
                try body(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
                offset += n
            } while offset < bytes.count
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
