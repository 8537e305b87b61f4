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
        if buffer.count >= 1 << 16 {
            try spool.write(buffer.bytes)
            buffer.clear()
        }
    }

    public func addDrawing(_ drawing: VectorDrawing) {
        current?.add(drawing)
    }

    public func endSheet() throws {
        guard var table = current else { return }
        current = nil
        let tail = try table.tail(styles: &styles)
        try spool.write(buffer.bytes)
        buffer.clear()
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
            out.raw(bytes: ODSDocumentParts.commonStyles(styles.conditionStyles).bytes)
        }
        out.raw(bytes: styles.automaticStyles(including: flat ? ODSDocumentParts.pageLayouts : XMLBuffer(capacity: 0)).bytes)
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
        for (name, bytes) in [("styles.xml", ODSDocumentParts.styles(styles.conditionStyles)),
                              ("meta.xml", ODSDocumentParts.meta(properties)),
                              ("settings.xml", ODSDocumentParts.settings(layouts)),
                              ("META-INF/manifest.xml", ODSDocumentParts.manifest)] {
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
