import Spreadsheet

/// Records what a read of one sheet delivers as text (each row as
/// visited, then the summary), so that two ways of reading compare as
/// strings.
public struct RowRecorder: SheetVisitor {
    private final class Log { var text = "" }
    private let log = Log()

    public init() {}

    public mutating func visit(_ row: Row) throws {
        log.text += "\(row.index): \(row.cells.map { "\($0.column)=\($0.value)" }) uncached \(row.uncachedFormulaColumns)\n"
    }

    public mutating func finish(_ summary: SheetSummary) throws {
        log.text += "merged \(summary.mergedRanges) dimension \(String(describing: summary.declaredDimension))\n"
    }

    /// What `read` delivered to a recorder; after an error, what came
    /// before it and the error.
    public static func dump(_ read: (inout RowRecorder) throws -> Void) -> String {
        var recorder = RowRecorder()
        let log = recorder.log
        do { try read(&recorder) } catch { log.text += "error: \(error)" }
        return log.text
    }
}
