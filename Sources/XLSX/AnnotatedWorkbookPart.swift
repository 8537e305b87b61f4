import XMLStream

/// `xl/workbook.xml` of a package being annotated: its sheets, and the
/// edits that put a new sheet first (ECMA-376 Part 1, 18.2.27 `workbook`,
/// 18.2.19 `sheet`, 18.2.5 `definedName`, 18.2.30 `workbookView`).
struct AnnotatedWorkbookPart {
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    let part: String
    let bytes: [UInt8]
    let root: LocatedElement
    private(set) var sheets: [Sheet] = []

    init(_ bytes: [UInt8], part: String) throws {
        self.part = part
        self.bytes = bytes
        root = try PackageEdits.parse(bytes, part)
        guard root.localName == "workbook", root.child(named: "sheets") != nil else {
            throw XLSXError.cannotAnnotate(part: part, reason: "no <sheets> in the workbook part")
        }
        for sheet in root.child(named: "sheets")?.children(named: "sheet") ?? [] {
            guard let id = sheet.attributes.first(where: { $0.key.hasPrefix("{") && $0.key.hasSuffix("}id") })?.value else { continue }
            sheets.append(Sheet(name: sheet["name"] ?? "", relationshipID: id))
        }
    }

    /// The part with a sheet `name` put first, its relationship `relationshipID`.
    /// Sheet-local names move with their sheets (`localSheetId` counts sheets
    /// in order), and the workbook opens on the new sheet.
    func puttingFirst(name: String, relationshipID: String) throws -> [UInt8] {
        var splices = ByteSplices()
        guard let list = root.child(named: "sheets") else { return bytes }
        let prefix = PackageEdits.prefix(at: list.startTag, in: bytes)
        let existing = list.children(named: "sheet")
        let sheetID = existing.compactMap { $0["sheetId"].flatMap { Int($0) } }.max().map { $0 + 1 } ?? 1
        // The relationships namespace of the sheets already there (Transitional or Strict).
        let namespace = existing.first?.attributes.keys.first { $0.hasPrefix("{") && $0.hasSuffix("}id") }
            .map { String($0.dropFirst().dropLast(3)) } ?? PackageEdits.officeRelationships
        let entry = "<\(prefix)sheet xmlns:r=\"\(namespace)\" name=\"\(PackageEdits.escaped(name))\" sheetId=\"\(sheetID)\" r:id=\"\(relationshipID)\"/>"
        if list.endTag != nil {
            splices.insert(entry, at: list.startTag.upperBound)
        } else {
            PackageEdits.append(entry, to: list, in: bytes, &splices)
        }
        for names in root.children(named: "definedNames") {
            for defined in names.children(named: "definedName") {
                guard let value = defined["localSheetId"], let index = Int(value),
                      let range = defined.valueRanges["localSheetId"] else { continue }
                splices.replace(range, with: String(index + 1))
            }
        }
        for views in root.children(named: "bookViews") {
            for view in views.children(named: "workbookView") {
                for key in ["activeTab", "firstSheet"] {
                    if let range = view.valueRanges[key] { splices.replace(range, with: "0") }
                }
            }
        }
        return try withPart(part) { try splices.applied(to: bytes) }
    }
}
