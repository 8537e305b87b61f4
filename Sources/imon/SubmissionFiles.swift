import Monitoring
#if canImport(Glibc)
import Glibc
#endif

/// Files named on the command line, folders expanded to their workbooks, as
/// offices keep them: the owner and lock files Excel and LibreOffice leave
/// beside an open workbook and imon's own feedback copies are skipped with a
/// note, and a folder without workbooks stops the command (exit status 1).
enum SubmissionFiles {
    static let extensions = [".xlsx", ".xlsm", ".ods", ".fods"]

    /// Why a file that looks like a workbook is not a submission.
    enum Skipped {
        case excelOwnerFile, libreOfficeLockFile, feedbackCopy

        /// What the file is, for the note on standard error.
        var explanation: String {
            switch self {
            case .excelOwnerFile: return "Excel's owner file of a workbook someone has open (~$…), not a submission"
            case .libreOfficeLockFile: return "LibreOffice's lock file of a workbook someone has open (.~lock.…#), not a submission"
            case .feedbackCopy: return "a feedback copy written by imon validate --annotate (its first sheet is the check report)"
            }
        }
    }

    /// The workbooks to work on, in the order given (a folder's sorted).
    static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        var emptyFolders: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw CommandFailure(file: argument, location: "file", reason: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let found = workbooks(in: argument).sorted().filter(isSubmission)
                if found.isEmpty { emptyFolders.append(argument) }
                out += found
            } else if isSubmission(argument) {
                out.append(argument)
            }
        }
        for folder in emptyFolders {
            printToStandardError("imon: \(folder): no workbooks to check in this folder (looked for \(extensions.joined(separator: ", ")))")
        }
        if out.isEmpty && emptyFolders.isEmpty { printToStandardError("imon: nothing to check: every file given was skipped") }
        if out.isEmpty || !emptyFolders.isEmpty { throw ExitStatus.problemsFound }
        return out
    }

    static func skipped(_ path: String) -> Skipped? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix("~$") { return .excelOwnerFile }
        if name.hasPrefix(".~lock.") && name.hasSuffix("#") { return .libreOfficeLockFile }
        if FeedbackCopy.isFeedbackCopy(path: path) { return .feedbackCopy }
        return nil
    }

    private static func isSubmission(_ path: String) -> Bool {
        guard let reason = skipped(path) else { return true }
        printToStandardError("imon: skipped \(path): \(reason.explanation)")
        return false
    }

    /// Candidate workbooks under `folder`, and the lock files among its hidden ones.
    private static func workbooks(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if name.hasPrefix(".~lock.") && name.hasSuffix("#") {
                found.append(path)
                continue
            }
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found += workbooks(in: path)
            } else if extensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                found.append(path)
            }
        }
        return found
    }
}
