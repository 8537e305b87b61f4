import Spreadsheet
import XMLStream
import Zip

/// Writes the annotated copy of a submitted XLSX package: the package as it
/// came, with a first sheet, filled cells and hidden comments added. Every
/// zip entry not changed is copied as stored; the parts that change
/// (content types, workbook, its relationships, styles, the marked sheets,
/// their relationships and comments) are edited by splicing, so the rest of
/// each keeps its bytes: widths, styles, number formats, names, charts,
/// pictures and print setup stay the department's.
///
/// ```swift
/// try XLSXAnnotatedCopy.write(source: "Amt_50.xlsx", annotations, to: "Prüfung_Amt_50.xlsx")
/// ```
public enum XLSXAnnotatedCopy {
    /// zlib level of the parts written anew (small; the big ones are copied).
    static let compressionLevel: Int32 = 6

    /// Reads the package at `source` and writes its annotated copy to `path`
    /// (through a temporary file; `source` is only read).
    public static func write(source: String, _ annotations: WorkbookAnnotations, to path: String,
                             limits: ZipLimits = .default) throws {
        let zip = try withPart("package") { try ZipArchive(path: source, limits: limits) }
        let edit = try PackageEdit(zip: zip, annotations: annotations)
        try edit.write(to: path)
    }
}

/// The parts of one annotated copy, worked out before anything is written.
private struct PackageEdit {
    let zip: ZipArchive
    /// New bytes of existing entries, by their name in the package.
    var replaced: [String: [UInt8]] = [:]
    /// Parts that are new, in the order written.
    var added: [(name: String, bytes: [UInt8])] = []
    private var taken: Set<String>

    init(zip: ZipArchive, annotations: WorkbookAnnotations) throws {
        self.zip = zip
        var names = Set<String>()
        for entry in zip.entries {
            // OPC part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1): two entries of one name are not one package.
            guard names.insert(entry.name.lowercased()).inserted else {
                throw XLSXError.cannotAnnotate(part: entry.name, reason: "the package holds two entries of this name")
            }
        }
        taken = names
        try build(annotations)
    }

    private func bytes(of part: String, neededFor: String) throws -> [UInt8] {
        guard let data = try withPart(part, { try zip.data(named: part) }) else {
            throw XLSXError.missingPart(part, neededFor: neededFor)
        }
        return data
    }

    private func entryName(_ part: String) -> String { zip.entry(named: part)?.name ?? part }

    /// The first `stem N .ext` not in the package, counting from 1.
    private mutating func freshPart(_ stem: String, _ ext: String) -> String {
        var n = 1
        while taken.contains("\(stem)\(n)\(ext)".lowercased()) { n += 1 }
        let name = "\(stem)\(n)\(ext)"
        taken.insert(name.lowercased())
        return name
    }

    private mutating func build(_ annotations: WorkbookAnnotations) throws {
        let root = try withPart("_rels/.rels") { try Relationships(of: "", in: zip) }
        guard let workbookPath = root.first(RelationshipKind.officeDocument)?.target, zip.entry(named: workbookPath) != nil else {
            throw XLSXError.noWorkbook
        }
        let workbook = try AnnotatedWorkbookPart(try bytes(of: workbookPath, neededFor: "the sheets"), part: workbookPath)
        let workbookRels = try withPart(workbookPath) { try Relationships(of: workbookPath, in: zip) }
        let folder = PackageEdits.folder(of: workbookPath)
        let base = folder.isEmpty ? "" : folder + "/"
        // A package without a styles part (valid: every cell is General) gets one holding the default format.
        let existingStyles = workbookRels.first(RelationshipKind.styles)?.target
        let stylesPath = existingStyles ?? freshStylesPart(base)
        var styles = try AnnotatedStyles(existingStyles == nil ? AnnotatedStyles.minimal : try bytes(of: stylesPath, neededFor: "the highlights"),
                                         part: stylesPath)

        var sheetPaths: [String: String] = [:]
        for sheet in workbook.sheets {
            if let rel = workbookRels.with(id: sheet.relationshipID), rel.kind == RelationshipKind.worksheet, !rel.isExternal,
               zip.entry(named: rel.target) != nil {
                sheetPaths[sheet.name] = rel.target
            }
        }
        var marksBySheet: [String: [CellMark]] = [:]
        var order: [String] = []
        for mark in annotations.marks {
            if marksBySheet[mark.sheet] == nil { order.append(mark.sheet) }
            if marksBySheet[mark.sheet, default: []].contains(where: { $0.cell == mark.cell }) { continue }
            marksBySheet[mark.sheet, default: []].append(mark)
        }
        var contentOverrides: [(part: String, type: String)] = []
        var needsVML = false
        var block = 100
        for sheetName in order {
            guard let marks = marksBySheet[sheetName], let sheetPath = sheetPaths[sheetName] else {
                throw XLSXError.markedSheetMissing(sheet: sheetName, part: workbookPath)
            }
            let sheetBytes = try bytes(of: sheetPath, neededFor: "sheet \(sheetName)")
            let scan = AnnotatedSheetScan(part: sheetPath, markedRows: Set(marks.map(\.cell.row)))
            try scan.scan(sheetBytes)
            let rels = try withPart(sheetPath) { try Relationships(of: sheetPath, in: zip) }
            let relsPath = PackageEdits.relationshipsPart(of: sheetPath)
            let sheetFolder = PackageEdits.folder(of: sheetPath)
            var newRels: [(id: String, type: String, target: String)] = []
            var ids = PackageEdits.freshIDs(2, avoiding: Set(rels.all.map(\.id))).makeIterator()

            var newCells = marks
            if let comments = rels.first("comments"), zip.entry(named: comments.target) != nil {
                let extended = try AnnotatedComments.extended(try bytes(of: comments.target, neededFor: "comments"),
                                                              part: comments.target, marks: marks)
                replaced[entryName(comments.target)] = extended.bytes
                newCells = extended.newCells
            } else {
                let part = freshPart(base + "comments", ".xml")
                added.append((part, AnnotatedComments.newComments(marks)))
                contentOverrides.append((part, PackageEdits.commentsType))
                newRels.append((ids.next() ?? "rIdImon1", "comments", PackageEdits.relativeTarget(from: sheetFolder, to: part)))
            }
            var legacyDrawingID: String?
            if let id = scan.legacyDrawingID, let vml = rels.with(id: id), !vml.isExternal, zip.entry(named: vml.target) != nil {
                replaced[entryName(vml.target)] = try AnnotatedComments.extendedVML(try bytes(of: vml.target, neededFor: "comments"),
                                                                                    part: vml.target, marks: newCells)
            } else if scan.legacyDrawingID == nil {
                let part = freshPart(base + "drawings/vmlDrawing", ".vml")
                added.append((part, AnnotatedComments.newVML(newCells, block: block)))
                block += 1
                needsVML = true
                let id = ids.next() ?? "rIdImon2"
                legacyDrawingID = id
                newRels.append((id, "vmlDrawing", PackageEdits.relativeTarget(from: sheetFolder, to: part)))
            } else {
                throw XLSXError.cannotAnnotate(part: sheetPath, reason: "its legacyDrawing leads to no part")
            }
            replaced[entryName(sheetPath)] = try AnnotatedSheetEdits.edited(sheetBytes, scan: scan, marks: marks, styles: &styles,
                                                                            newLegacyDrawingID: legacyDrawingID)
            if !newRels.isEmpty {
                let existing = zip.entry(named: relsPath) != nil ? try bytes(of: relsPath, neededFor: sheetPath) : nil
                let edited = try PackageEdits.relationships(existing, adding: newRels, part: relsPath)
                if existing != nil { replaced[entryName(relsPath)] = edited } else { added.append((freshExact(relsPath), edited)) }
            }
        }
        // Only the new first sheet is selected: a second selected tab would group the sheets in Excel.
        for sheet in workbook.sheets where marksBySheet[sheet.name] == nil {
            guard let path = sheetPaths[sheet.name], let entry = zip.entry(named: path) else { continue }
            let scan = AnnotatedSheetScan(part: path, markedRows: [], headOnly: true)
            try scan.scanHead(of: entry, in: zip)
            guard !scan.selectedViews.isEmpty else { continue }
            let sheetBytes = try bytes(of: path, neededFor: "sheet \(sheet.name)")
            var splices = ByteSplices()
            for range in scan.selectedViews { splices.replace(range, with: "0") }
            replaced[entryName(path)] = try withPart(path) { try splices.applied(to: sheetBytes) }
        }

        var name = annotations.firstSheet.name
        let existingNames = Set(workbook.sheets.map { $0.name.lowercased() })
        while existingNames.contains(name.lowercased()) { name += " 1" }
        if let problem = SheetName.problem(with: name) { throw WriteError.invalidSheetName(problem) }
        var table = StyleTable()
        table.idOffset = styles.cellFormatCount + styles.markedCount - 1
        var layout = annotations.firstSheet
        layout.name = name
        var writer = WorksheetWriter(layout: layout, index: 0)
        var sheet = writer.head(selected: true)
        var strings = SharedStringTable(maxBytes: 0) // inline strings: the department's shared strings stay as they are
        for row in annotations.firstSheetRows { try writer.write(row, into: &sheet, styles: &table, strings: &strings) }
        sheet.raw(bytes: writer.tail(styles: &table, hasComments: false).bytes)
        let records = table.records(firstStyle: 1, fontBase: styles.fontCount, fillBase: styles.fillCount + styles.markedFillCount,
                                    borderBase: styles.borderCount, firstFormatID: styles.firstFreeFormatID)
        if existingStyles != nil {
            replaced[entryName(stylesPath)] = try styles.edited(adding: records)
        } else {
            added.append((stylesPath, try styles.edited(adding: records)))
            contentOverrides.append((stylesPath, PackageEdits.stylesType))
        }

        let sheetPart = freshPart(base + "worksheets/sheet", ".xml")
        added.insert((sheetPart, sheet.bytes), at: 0)
        contentOverrides.insert((sheetPart, PackageEdits.worksheetType), at: 0)
        let workbookRelsPath = PackageEdits.relationshipsPart(of: workbookPath)
        let ids = PackageEdits.freshIDs(2, avoiding: Set(workbookRels.all.map(\.id)))
        let sheetID = ids[0]
        var workbookAdditions = [(id: sheetID, type: "worksheet", target: PackageEdits.relativeTarget(from: folder, to: sheetPart))]
        if existingStyles == nil { workbookAdditions.append((ids[1], "styles", PackageEdits.relativeTarget(from: folder, to: stylesPath))) }
        replaced[entryName(workbookRelsPath)] = try PackageEdits.relationships(
            try bytes(of: workbookRelsPath, neededFor: "the sheets"), adding: workbookAdditions, part: workbookRelsPath)
        replaced[entryName(workbookPath)] = try workbook.puttingFirst(name: name, relationshipID: sheetID)
        let typesPath = "[Content_Types].xml"
        replaced[entryName(typesPath)] = try PackageEdits.contentTypes(try bytes(of: typesPath, neededFor: "the part types"),
                                                                       overrides: contentOverrides, needsVML: needsVML, part: typesPath)
    }

    private mutating func freshStylesPart(_ base: String) -> String {
        let name = base + "styles.xml"
        guard taken.contains(name.lowercased()) else {
            taken.insert(name.lowercased())
            return name
        }
        return freshPart(base + "styles", ".xml")
    }

    /// `part` itself, reserved: a relationships part's name is fixed by its source part.
    private mutating func freshExact(_ part: String) -> String {
        taken.insert(part.lowercased())
        return part
    }

    /// Writes the package: entries in their order, changed ones anew,
    /// the others as stored; then the new parts.
    func write(to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            let out = ZipStreamWriter(file: file)
            for entry in zip.entries {
                if let bytes = replaced[entry.name] {
                    try out.beginEntry(entry.name, compression: .deflate(level: XLSXAnnotatedCopy.compressionLevel))
                    try out.write(bytes)
                    try out.endEntry()
                } else {
                    try out.copy(entry, storedBytes: try withPart(entry.name) { try zip.storedBytes(of: entry) })
                }
            }
            for (name, bytes) in added {
                try out.beginEntry(name, compression: .deflate(level: XLSXAnnotatedCopy.compressionLevel))
                try out.write(bytes)
                try out.endEntry()
            }
            try out.finish()
            try file.commit()
        } catch {
            file.cancel()
            throw error
        }
    }
}
