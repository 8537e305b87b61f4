import Spreadsheet
import XMLStream
import Zip

/// Writes an OpenDocument spreadsheet: an `.ods` package, or a flat `.fods`
/// document. Tables are streamed into a temporary spool as rows arrive
/// (deflated already for a package); the styles they need come first in
/// the document, so the file is assembled from styles and spool at the end
/// and appears at its path only then.
public final class ODSWriter: WorkbookWriter {
    public var properties = DocumentProperties()

    private let file: AtomicFile
    private let flat: Bool
    private let level: Int32
    private let spool: SpoolFile
    private var styles = ODSStyles()
    private var layouts: [SheetLayout] = []
    private var current: ODSTableWriter?
    private var buffer = XMLBuffer()
    private var validationCount = 0
    /// Chart objects to write into the package: part name and bytes.
    private var chartObjects: [(name: String, bytes: [UInt8])] = []

    /// Starts a spreadsheet to be written to `path`; `flat` writes `.fods`.
    public init(path: String, flat: Bool = false, compressionLevel: Int32 = 1) throws {
        file = try AtomicFile(path: path)
        self.flat = flat
        level = compressionLevel
        do { spool = try SpoolFile(deflateLevel: flat ? nil : compressionLevel) } catch { file.cancel(); throw error }
    }

    public func beginSheet(_ layout: SheetLayout) throws {
        if current != nil { try endSheet() }
        if let problem = SheetName.problem(with: layouts.map(\.name) + [layout.name]) { throw WriteError.invalidSheetName(problem) }
        let names = layout.validations.indices.map { "val\(validationCount + $0 + 1)" }
        validationCount += layout.validations.count
        layouts.append(layout)
        let table = ODSTableWriter(layout: layout, validationNames: names)
        try spool.write(table.head(styles: &styles).bytes)
        current = table
    }

    public func write(_ row: OutputRow) throws {
        guard var table = current else { return }
        current = nil
        defer { current = table }
        try table.write(row, into: &buffer, styles: &styles)
        let merged = table.layout.mergedRanges.filter { $0.first.row <= row.index && row.index <= $0.last.row }.map(\.last.column)
        recentRows.append((row.index, max(row.cells.last?.column ?? -1, merged.max() ?? -1), buffer.count))
        // About a megabyte of rows stays in memory, so that a chart added after its table can still go into the table's first row.
        if buffer.count >= 1 << 20 {
            try spool.write(buffer.bytes)
            buffer.clear()
            recentRows.removeAll()
        }
    }

    /// Rows still in `buffer`: index, last column with a cell, and where the row's markup ends.
    private var recentRows: [(row: Int, lastColumn: Int, end: Int)] = []

    /// Puts an anchored cell into a row already written, to the right of its cells; false when that row is gone or full.
    private func insertIntoWrittenRow(_ anchor: CellReference, _ cell: (inout XMLBuffer) -> Void) -> Bool {
        guard let k = recentRows.firstIndex(where: { $0.row == anchor.row }), anchor.column > recentRows[k].lastColumn else { return false }
        var out = XMLBuffer(capacity: 4096)
        let gap = anchor.column - recentRows[k].lastColumn - 1
        if gap > 0 { out.raw("<table:table-cell table:number-columns-repeated=\"\(gap)\"/>") }
        cell(&out)
        let closing = "</table:table-row>".utf8.count
        buffer.bytes.insert(contentsOf: out.bytes, at: recentRows[k].end - closing)
        for j in k..<recentRows.count { recentRows[j].end += out.count }
        recentRows[k].lastColumn = anchor.column
        return true
    }

    public func breakPage(before row: Int) {
        current?.breakPage(before: row)
    }

    public func addDrawing(_ drawing: VectorDrawing) {
        guard current != nil else { return }
        var styles = self.styles
        let placed = insertIntoWrittenRow(drawing.anchor) { out in
            out.raw("<table:table-cell>")
            ODSDrawing.write(drawing, styles: &styles, into: &out)
            out.raw("</table:table-cell>")
        }
        self.styles = styles
        if !placed { current?.add(drawing) }
    }

    /// Charts become embedded chart objects: parts of a package, or inside their frame in a flat `.fods`.
    public func addChart(_ chart: ChartSpec) {
        guard let layout = layouts.last, current != nil else { return }
        let object: ODSChartParts.Object
        if flat {
            object = .inline
        } else {
            let name = "Object \(chartObjects.count + 1)"
            chartObjects.append((name, ODSChartParts.content(chart, sheet: layout.name, layout: layout)))
            object = .part(name)
        }
        let placed = insertIntoWrittenRow(chart.anchor.first) { out in
            out.raw("<table:table-cell>")
            ODSChartParts.frame(chart, object: object, layout: layout, into: &out)
            out.raw("</table:table-cell>")
        }
        if !placed { current?.add(chart, object: object) }
    }

    public func endSheet() throws {
        guard var table = current else { return }
        current = nil
        let tail = try table.tail(styles: &styles)
        try spool.write(buffer.bytes)
        buffer.clear()
        recentRows.removeAll()
        try spool.write(tail.bytes)
    }

    public func finish() throws {
        do {
            if current != nil { try endSheet() }
            if layouts.isEmpty {
                try beginSheet(SheetLayout(name: "Sheet1"))
                try endSheet()
            }
            flat ? try writeFlat() : try writePackage()
            try file.commit()
        } catch {
            file.cancel()
            throw error
        }
    }

    public func cancel() {
        file.cancel()
    }

    private func contentHead(root: String) -> XMLBuffer {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<\(root) \(ODSDocumentParts.namespaces) office:version=\"1.2\"")
        if flat { out.raw(" office:mimetype=\"\(ODSDocumentParts.mimetype)\"") }
        out.raw(">")
        if flat {
            out.raw(bytes: ODSDocumentParts.metaBody(properties).bytes)
            out.raw(bytes: ODSDocumentParts.settingsBody(layouts).bytes)
            out.raw(bytes: ODSDocumentParts.commonStyles(styles.conditionStyles, hatch: styles.usesHatch).bytes)
        }
        out.raw(bytes: styles.automaticStyles(including: flat ? ODSDocumentParts.pageLayouts() : XMLBuffer(capacity: 0)).bytes)
        if flat { out.raw(ODSDocumentParts.masterStyles) }
        out.raw("<office:body><office:spreadsheet>")
        out.raw(bytes: ODSDocumentParts.validations(layouts).bytes)
        return out
    }

    private func contentTail(root: String) -> XMLBuffer {
        var out = ODSDocumentParts.filters(layouts)
        out.raw("</office:spreadsheet></office:body></\(root)>")
        return out
    }

    private func writePackage() throws {
        let zip = ZipStreamWriter(file: file)
        try zip.beginEntry("mimetype", compression: .stored)
        try zip.write(Array(ODSDocumentParts.mimetype.utf8))
        try zip.endEntry()
        try zip.beginEntry("content.xml", compression: .deflate(level: level))
        try zip.write(contentHead(root: "office:document-content").bytes)
        let tables = try spool.sealSegment()
        try zip.appendDeflated(crc: tables.crc, uncompressedSize: tables.uncompressedSize,
                               compressedSize: tables.compressedSize) { try spool.replay($0) }
        try zip.write(contentTail(root: "office:document-content").bytes)
        try zip.endEntry()
        let objects = chartObjects.map { (name: $0.name + "/content.xml", bytes: $0.bytes) }
        let parts: [(name: String, bytes: [UInt8])] = [("styles.xml", ODSDocumentParts.styles(styles.conditionStyles, hatch: styles.usesHatch)),
                                                       ("meta.xml", ODSDocumentParts.meta(properties)),
                                                       ("settings.xml", ODSDocumentParts.settings(layouts))]
            + objects + [("META-INF/manifest.xml", ODSDocumentParts.manifest(charts: chartObjects.map(\.name)))]
        for (name, bytes) in parts {
            try zip.beginEntry(name, compression: .deflate(level: level))
            try zip.write(bytes)
            try zip.endEntry()
        }
        try zip.finish()
    }

    private func writeFlat() throws {
        try file.write(contentHead(root: "office:document").bytes)
        try spool.replay { try file.write($0) }
        try file.write(contentTail(root: "office:document").bytes)
    }
}
