import WorkbookIO
#if canImport(Glibc)
import Glibc
#endif

/// A failure to report as `imon: error: FILE: where: what`, exit status 2.
struct CommandFailure: Error {
    var file: String?
    var error: WorkbookError
    /// The error as it was thrown, before it was put into words.
    var underlying: (any Error)?

    init(file: String?, error: any Error) {
        self.file = file
        self.error = WorkbookError(error)
        self.underlying = error
    }

    init(file: String?, location: String, reason: String) {
        self.file = file
        self.error = WorkbookError(location: location, reason: reason)
    }

    func report() -> Never {
        let prefix = file.map { "\($0): " } ?? ""
        printToStandardError("imon: error: \(prefix)\(error.location): \(error.reason)")
        Glibc.exit(2)
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// Runs `body` for one input file, turning any error into a `CommandFailure` for that file.
func reading<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as CommandFailure {
        throw failure
    } catch {
        throw CommandFailure(file: file, error: error)
    }
}
