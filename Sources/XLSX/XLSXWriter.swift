import Spreadsheet
import XMLStream
import Zip

/// Writes an XLSX workbook, streaming: each sheet part is deflated into the
/// package as its rows arrive, the small parts follow at the end, and the
/// file appears at its path only when `finish` succeeds.
public final class XLSXWriter: WorkbookWriter {
    /// zlib level: 1 is several times faster than 6 for files a few percent larger.
    public static let defaultCompressionLevel: Int32 = 1

    public var properties = DocumentProperties()
    /// The author named in comments.
    public var commentAuthor = "imon"

    private let file: AtomicFile
    private let zip: ZipStreamWriter
    private let level: Int32
    private var styles = StyleTable()
    private var strings = SharedStringTable()
    private var sheets: [PackageParts.SheetEntry] = []
    private var current: WorksheetWriter?
    private var buffer = XMLBuffer()
    private var names: [String] = []
    private var charts: [ChartSpec] = []
    private var drawings: [VectorDrawing] = []
    private var chartCount = 0

    /// Starts a workbook to be written to `path` (through a temporary file beside it).
    public init(path: String, compressionLevel: Int32 = XLSXWriter.defaultCompressionLevel) throws {
        file = try AtomicFile(path: path)
        zip = ZipStreamWriter(file: file)
        level = compressionLevel
    }

    public func beginSheet(_ layout: SheetLayout) throws {
        if current != nil { try endSheet() }
        if let problem = SheetName.problem(with: names + [layout.name]) { throw WriteError.invalidSheetName(problem) }
        names.append(layout.name)
        let index = sheets.count
        let sheet = WorksheetWriter(layout: layout, index: index)
        try zip.beginEntry("xl/worksheets/sheet\(index + 1).xml", compression: .deflate(level: level))
        try zip.write(sheet.head(selected: index == 0).bytes)
        current = sheet
    }

    public func write(_ row: OutputRow) throws {
        guard var sheet = current else { return }
        current = nil
        defer { current = sheet }
        try sheet.write(row, into: &buffer, styles: &styles, strings: &strings)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func breakPage(before row: Int) {
        current?.layout.pageBreaksBefore.append(row)
    }

    public func addDrawing(_ drawing: VectorDrawing) {
        if current != nil { drawings.append(drawing) }
    }

    public func addChart(_ chart: ChartSpec) {
        if current != nil { charts.append(chart) }
    }

    public func endSheet() throws {
        guard let sheet = current else { return }
        current = nil
        try flush()
        let hasComments = !sheet.comments.isEmpty
        let sheetCharts = charts
        let sheetDrawings = drawings
        charts = []
        drawings = []
        let hasDrawing = !sheetCharts.isEmpty || !sheetDrawings.isEmpty
        try zip.write(sheet.tail(styles: &styles, hasComments: hasComments, hasDrawing: hasDrawing).bytes)
        try zip.endEntry()
        let n = sheet.index + 1
        if hasComments {
            try add("xl/comments\(n).xml", CommentsPart.comments(sheet.comments, author: commentAuthor))
            try add("xl/drawings/vmlDrawing\(n).vml", CommentsPart.vml(sheet.comments, visible: sheet.layout.showComments))
        }
        if hasDrawing {
            let first = chartCount + 1
            try add("xl/drawings/drawing\(n).xml", ChartParts.drawing(sheetCharts, shapes: sheetDrawings))
            if !sheetCharts.isEmpty {
                try add("xl/drawings/_rels/drawing\(n).xml.rels", ChartParts.drawingRelationships(count: sheetCharts.count, firstID: first))
            }
            for (k, chart) in sheetCharts.enumerated() {
                try add("xl/charts/chart\(first + k).xml", ChartParts.chart(chart, sheet: sheet.layout.name))
            }
            chartCount += sheetCharts.count
        }
        if hasComments || hasDrawing {
            try add("xl/worksheets/_rels/sheet\(n).xml.rels", PackageParts.sheetRelationships(index: sheet.index, comments: hasComments,
                                                                                             drawing: hasDrawing))
        }
        sheets.append(PackageParts.SheetEntry(name: sheet.layout.name, visibility: sheet.layout.visibility,
                                              autoFilter: sheet.layout.autoFilter, printTitleRows: sheet.layout.printTitleRows,
                                              hasComments: hasComments,
                                              charts: (chartCount - sheetCharts.count + 1)..<(chartCount + 1), hasDrawing: hasDrawing))
    }

    public func finish() throws {
        do {
            if current != nil { try endSheet() }
            if sheets.isEmpty {
                // A workbook needs at least one sheet to open in Excel.
                try beginSheet(SheetLayout(name: "Sheet1"))
                try endSheet()
            }
            let hasStrings = !strings.strings.isEmpty
            if hasStrings {
                try zip.beginEntry("xl/sharedStrings.xml", compression: .deflate(level: level))
                try strings.write { try zip.write($0) }
                try zip.endEntry()
            }
            try add("xl/styles.xml", styles.xml())
            try add("xl/workbook.xml", PackageParts.workbook(sheets: sheets))
            try add("xl/_rels/workbook.xml.rels", PackageParts.workbookRelationships(sheetCount: sheets.count, hasSharedStrings: hasStrings))
            try add("docProps/core.xml", PackageParts.core(properties))
            try add("docProps/app.xml", PackageParts.app)
            try add("_rels/.rels", PackageParts.rootRelationships)
            try add("[Content_Types].xml", PackageParts.contentTypes(sheets: sheets, hasSharedStrings: hasStrings))
            try zip.finish()
            try file.commit()
        } catch {
            file.cancel()
            throw error
        }
    }

    public func cancel() {
        file.cancel()
    }

    private func flush() throws {
        try zip.write(buffer.bytes)
        buffer.clear()
    }

    private func add(_ name: String, _ bytes: [UInt8]) throws {
        try zip.beginEntry(name, compression: .deflate(level: level))
        try zip.write(bytes)
        try zip.endEntry()
    }
}
