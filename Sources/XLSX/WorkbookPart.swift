import Spreadsheet
import XMLStream

/// What `xl/workbook.xml` says: the sheets in order and the date system
/// (ECMA-376 Part 1, 18.2.27 `workbook`, 18.2.19 `sheet`, 18.2.28 `workbookPr`).
struct WorkbookPart {
    struct SheetEntry {
        var name: String
        var visibility: SheetVisibility
        var relationshipID: String
    }

    var sheets: [SheetEntry] = []
    var dateSystem: DateSystem = .d1900

    init(_ root: XMLElement) {
        if let pr = root.child(named: "workbookPr"), let flag = pr[attribute: "date1904"] {
            dateSystem = (flag == "1" || flag.lowercased() == "true") ? .d1904 : .d1900
        }
        for sheet in root.child(named: "sheets")?.children(named: "sheet") ?? [] {
            guard let id = sheet.attribute("id", in: Namespaces.relationships) ?? sheet[attribute: "id"] else { continue }
            let visibility: SheetVisibility
            switch sheet[attribute: "state"] {
            case "hidden": visibility = .hidden
            case "veryHidden": visibility = .veryHidden
            default: visibility = .visible
            }
            sheets.append(SheetEntry(name: sheet[attribute: "name"] ?? "", visibility: visibility, relationshipID: id))
        }
    }
}
