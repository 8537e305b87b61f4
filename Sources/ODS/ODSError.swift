import Spreadsheet
import XMLStream
import Zip

/// Why an OpenDocument spreadsheet could not be read. Each case names the
/// part, and the table and cell where there is one.
public enum ODSError: Error, Sendable, CustomStringConvertible {
    case zip(ZipError)
    case xml(part: String, XMLError)
    case missingContent
    case encrypted
    case notASpreadsheet(mimetype: String)
    case badValue(String, attribute: String, table: String, cell: CellReference)
    case tooManyCells(limit: Int, table: String)
    case outsideTheSheet(table: String, row: Int, column: Int)
    /// More tables than the reader may list; the count when it was listed whole.
    case tooManyTables(count: Int?, limit: Int)

    public var description: String {
        switch self {
        case .zip(let error): return error.description
        case .xml(let part, let error): return "\(part): \(error)"
        case .missingContent: return "content.xml: missing from the package"
        case .encrypted:
            return "META-INF/manifest.xml: the document is password-protected (encrypted); "
                + "open it in LibreOffice and save it without a password"
        case .notASpreadsheet(let mimetype): return "mimetype: \"\(mimetype)\" is an OpenDocument file but not a spreadsheet"
        case .badValue(let text, let attribute, let table, let cell):
            return "content.xml: table \"\(table)\" cell \(cell): invalid \(attribute) \"\(text)\""
        case .tooManyCells(let limit, let table):
            return "content.xml: table \"\(table)\": more than \(limit) cells (raise the limit with --max-cells)"
        case .outsideTheSheet(let table, let row, let column):
            return "content.xml: table \"\(table)\": a value at row \(row + 1), column \(column + 1) lies outside "
                + "the largest sheet (1 048 576 rows × 16 384 columns)"
        case .tooManyTables(let count, let limit):
            let found = count.map { "\($0) sheets, more than" } ?? "more sheets than"
            return "workbook: \(found) the limit of \(limit) (--max-sheets raises it)"
        }
    }
}

func withPart<T>(_ part: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ZipError {
        throw ODSError.zip(error)
    } catch let error as XMLError {
        throw ODSError.xml(part: part, error)
    }
}
