import Spreadsheet
import WorkbookIO

/// Which sheets a command works on: all, or those named with `--sheet`.
enum SheetSelection {
    /// Indices of the named sheets, or of all sheets.
    static func indices(of names: [String], in reader: some WorkbookReader, file: String) throws -> [Int] {
        guard !names.isEmpty else { return Array(reader.sheets.indices) }
        return try names.map { name in
            if let index = reader.sheets.firstIndex(where: { $0.name == name }) { return index }
            if let index = reader.sheets.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) { return index }
            let known = reader.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw CommandFailure(file: file, location: "sheet \"\(name)\"",
                                 reason: "no such sheet (the workbook has \(known))")
        }
    }
}
