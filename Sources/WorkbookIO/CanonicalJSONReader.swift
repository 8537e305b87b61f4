import Spreadsheet
import Zip

/// Reads the canonical workbook dump (shared/conformance/FORMAT.md) back
/// into a workbook, so that an intended result can be written as a real file.
public final class CanonicalJSONReader: WorkbookReader {
    public let properties = WorkbookProperties(format: .json)
    public let sheets: [SheetInfo]
    private let content: [[Row]]

    public init(file: MappedFile) throws {
        let root = try JSONValue.parse(file.bytes)
        guard case .array(let sheetValues)? = root["sheets"] else {
            throw WorkbookError(location: "file", reason: "not a workbook dump: no \"sheets\" array")
        }
        var sheets: [SheetInfo] = [], content: [[Row]] = []
        for (n, sheetValue) in sheetValues.enumerated() {
            guard case .string(let name)? = sheetValue["name"], case .array(let rowValues)? = sheetValue["rows"] else {
                throw WorkbookError(location: "sheet \(n + 1)", reason: "needs \"name\" and \"rows\"")
            }
            var visibility = SheetVisibility.visible
            if case .string(let v)? = sheetValue["visible"], let parsed = SheetVisibility(rawValue: v) { visibility = parsed }
            var rows: [Row] = []
            for (r, rowValue) in rowValues.enumerated() {
                guard case .array(let cellValues) = rowValue else {
                    throw WorkbookError(location: "sheet \"\(name)\" row \(r + 1)", reason: "a row must be an array")
                }
                var row = Row(index: r)
                for (c, cellValue) in cellValues.enumerated() {
                    let value = try CanonicalJSONReader.cell(cellValue, at: "sheet \"\(name)\" \(CellReference(row: r, column: c))")
                    if !value.isEmpty { row.cells.append(Cell(column: c, value: value)) }
                }
                if !row.cells.isEmpty { rows.append(row) }
            }
            sheets.append(SheetInfo(name: name, visibility: visibility))
            content.append(rows)
        }
        self.sheets = sheets
        self.content = content
    }

    public func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V) throws {
        for row in content[index] { try visitor.visit(row) }
        try visitor.finish(SheetSummary())
    }

    static func cell(_ value: JSONValue, at location: String) throws -> CellValue {
        func bad() -> WorkbookError { WorkbookError(location: location, reason: "not a cell value of the canonical dump") }
        switch value {
        case .null: return .empty
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array: throw bad()
        case .object(let members):
            guard members.count == 1, let (key, inner) = members.first else { throw bad() }
            switch (key, inner) {
            case ("error", .string(let e)): return .error(e)
            case ("duration", .number(let s)): return .duration(seconds: s)
            case ("date", .string(let s)), ("datetime", .string(let s)):
                guard let parsed = ISO8601.parseDateTime(s) else { throw bad() }
                return parsed
            case ("time", .string(let s)):
                guard case .time(let ms)? = ISO8601.parseDateTime(s) else { throw bad() }
                return .time(milliseconds: ms)
            default: throw bad()
            }
        }
    }
}
