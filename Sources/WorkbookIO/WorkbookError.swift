import Spreadsheet
import ODS
import XLSX
import XMLStream
import Zip

/// A workbook that could not be read, in words for the person who sent it:
/// where in the file, and what is wrong.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    /// The part, sheet or cell: `xl/worksheets/sheet1.xml: cell B2`, or `file`.
    public var location: String
    public var reason: String

    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }

    /// Wraps the typed errors of the layers below.
    public init(_ error: any Error) {
        switch error {
        case let error as WorkbookError:
            self = error
        case let error as ZipError:
            self.init(zip: error)
        case let error as XLSXError:
            if case .zip(let zipError) = error {
                self.init(zip: zipError)
            } else {
                self.init(splitting: error.description)
            }
        case let error as ODSError:
            if case .zip(let zipError) = error {
                self.init(zip: zipError)
            } else {
                self.init(splitting: error.description)
            }
        case let error as WriteError:
            self.init(splitting: error.description)
        case let error as WriteFailure:
            self.init(splitting: error.description)
        case let error as CellBudgetExceeded:
            self.init(location: error.sheet, reason: error.reason)
        case let error as XMLError:
            self.init(location: "xml", reason: error.description)
        default:
            self.init(splitting: String(describing: error))
        }
    }

    /// Zip errors about one entry are located at that entry, the others at the package.
    private init(zip error: ZipError) {
        switch error {
        case .corruptLocalHeader(let entry), .localNameMismatch(let entry, _), .encryptedEntry(let entry), .unsupportedCompression(let entry, _),
             .corruptData(let entry, _), .crcMismatch(let entry), .sizeMismatch(let entry, _, _),
             .limitExceeded(let entry, _, _):
            let text = error.description
            let reason = text.hasPrefix(entry + ": ") ? String(text.dropFirst(entry.count + 2)) : text
            self.init(location: entry, reason: reason)
        case .io(let reason):
            self.init(location: "file", reason: "cannot read it: \(reason)")
        default:
            self.init(location: "package", reason: error.description)
        }
    }

    /// Splits `part: what` at the first `": "`.
    private init(splitting text: String) {
        if let range = text.firstRange(of: ": ") {
            self.init(location: String(text[..<range.lowerBound]), reason: String(text[range.upperBound...]))
        } else {
            self.init(location: "file", reason: text)
        }
    }
}
