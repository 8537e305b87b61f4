import Spreadsheet
import XMLStream
import Zip

/// Why an XLSX package could not be read. Each case names the part, and the
/// cell where there is one.
public enum XLSXError: Error, Sendable, CustomStringConvertible {
    case zip(ZipError)
    case xml(part: String, XMLError)
    case missingPart(String, neededFor: String)
    case noWorkbook
    case sheetWithoutPart(sheet: String, relationshipID: String, part: String)
    case sharedStringIndexOutOfRange(index: Int, count: Int, part: String, cell: CellReference)
    case styleIndexOutOfRange(index: Int, count: Int, part: String, cell: CellReference)
    case badCellReference(String, part: String)
    case badValue(String, part: String, cell: CellReference)
    case notFiniteNumber(String, part: String, cell: CellReference)
    case tooManyCells(limit: Int, part: String)
    /// The system refused memory the reader needs (named by `what`).
    case outOfMemory(String)
    /// An annotated copy cannot be made of this package: the part and why.
    case cannotAnnotate(part: String, reason: String)
    /// A mark names a sheet the workbook does not have.
    case markedSheetMissing(sheet: String, part: String)

    public var description: String {
        switch self {
        case .zip(let error): return error.description
        case .xml(let part, let error): return "\(part): \(error)"
        case .missingPart(let part, let neededFor): return "\(part): missing from the package (needed for \(neededFor))"
        case .noWorkbook: return "no workbook part: this zip package is not a spreadsheet"
        case .sheetWithoutPart(let sheet, let id, let part):
            return "\(part): sheet \"\(sheet)\": its relationship \"\(id)\" leads to no part (the file is damaged)"
        case .sharedStringIndexOutOfRange(let index, let count, let part, let cell):
            return "\(part): cell \(cell): shared string \(index) does not exist (the table has \(count))"
        case .styleIndexOutOfRange(let index, let count, let part, let cell):
            return "\(part): cell \(cell): cell style \(index) does not exist (the styles part has \(count))"
        case .badCellReference(let text, let part): return "\(part): invalid cell reference \"\(text)\""
        case .badValue(let text, let part, let cell): return "\(part): cell \(cell): invalid value \"\(text)\""
        case .notFiniteNumber(let text, let part, let cell):
            return "\(part): cell \(cell): \"\(text)\" is not a finite number (a number cell holds one)"
        case .tooManyCells(let limit, let part): return "\(part): more than \(limit) cells (raise the limit with --max-cells)"
        case .outOfMemory(let what): return "not enough memory for \(what)"
        case .cannotAnnotate(let part, let reason): return "\(part): \(reason)"
        case .markedSheetMissing(let sheet, let part): return "\(part): no sheet \"\(sheet)\" to mark"
        }
    }
}

/// Runs `body`, wrapping zip and XML errors with the part they happened in.
func withPart<T>(_ part: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ZipError {
        throw XLSXError.zip(error)
    } catch let error as XMLError {
        throw XLSXError.xml(part: part, error)
    } catch let error as SpliceError {
        throw XLSXError.cannotAnnotate(part: part, reason: error.description)
    }
}
