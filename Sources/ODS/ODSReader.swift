import Spreadsheet
import XMLStream
import Zip

/// Reads an OpenDocument spreadsheet: a zip package (`.ods`, ODF 1.2 Part 3)
/// or a flat XML document (`.fods`). Every table lives in one part, so the
/// tables are listed by one streaming pass on opening and read by another.
public final class ODSReader: WorkbookReader {
    public let properties: WorkbookProperties
    public let sheets: [SheetInfo]
    /// Cells per sheet beyond which reading stops with an error.
    public var maxCellsPerSheet = 100_000_000
    /// Bounds on the XML of the document.
    public var xmlLimits = XMLLimits.default

    private enum Source {
        case package(ZipArchive, ZipEntry)
        case flat(MappedFile)
    }

    private let source: Source
    private var partName: String {
        switch source {
        case .package: return "content.xml"
        case .flat: return "document"
        }
    }

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
        try self.init(source: .package(zip, content), generator: generator, format: .ods)
    }

    /// Reads the structure of a flat OpenDocument spreadsheet (`.fods`).
    public convenience init(flatDocument file: MappedFile) throws {
        try self.init(source: .flat(file), generator: nil, format: .fods)
    }

    private init(source: Source, generator: String?, format: WorkbookFormat) throws {
        self.source = source
        if let listed = try ODSReader.scanTables(source), format == .ods {
            sheets = listed
            properties = WorkbookProperties(format: format, application: generator, dateSystem: nil)
            return
        }
        // The byte scan gave up (or a flat document names its generator inside): list with the parser.
        let lister = ContentParser<SheetStatistics>(selected: [], maxCells: 0, makeVisitor: { _ in SheetStatistics() },
                                                    finished: { _, _ in })
        try ODSReader.stream(source, into: lister, limits: .default)
        guard lister.sawSpreadsheet else {
            throw ODSError.notASpreadsheet(mimetype: "an OpenDocument file without a spreadsheet body")
        }
        sheets = lister.tables
        properties = WorkbookProperties(format: format, application: generator ?? lister.generator, dateSystem: nil)
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
        try withoutActuallyEscaping(makeVisitor) { make in
            try withoutActuallyEscaping(finished) { done in
                let parser = ContentParser<V>(selected: Set(indices), maxCells: maxCellsPerSheet, makeVisitor: make, finished: done)
                try ODSReader.stream(source, into: parser, limits: xmlLimits)
            }
        }
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
        let part: String
        switch source {
        case .package: part = "content.xml"
        case .flat: part = "document"
        }
        try withPart(part) {
            let xml = XMLScanner(handler: parser, documentName: part, limits: limits)
            do {
                switch source {
                case .package(let zip, let entry):
                    try zip.readAhead(entry) { chunk in
                        try xml.feed(chunk)
                        if parser.isDone { throw StopReading() }
                    }
                case .flat(let file):
                    var offset = 0
                    let bytes = file.bytes
                    repeat {
                        let n = min(1 << 17, bytes.count - offset)
                        try xml.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
                        offset += n
                        if parser.isDone { throw StopReading() }
                    } while offset < bytes.count
                }
                try xml.finish()
            } catch is StopReading {
            }
        }
    }
}

/// Ends a pass early once every selected table has been read.
private struct StopReading: Error {}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
