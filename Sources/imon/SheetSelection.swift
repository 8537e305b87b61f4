import Spreadsheet
import WorkbookIO

/// Which sheets a command works on: all, or those named with `--sheet`.
enum SheetSelection {
    static func indices(of names: [String], in reader: some WorkbookReader, file: String) throws -> [Int] {
        do {
            return try WorkbookFile.sheetIndices(named: names, in: reader)
        } catch {
            throw CommandFailure(file: file, error: error)
        }
    }
}
