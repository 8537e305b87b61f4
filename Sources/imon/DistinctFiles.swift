#if canImport(Glibc)
import Glibc
#endif

/// The files one command writes, and the ones it reads, must be different
/// files: `report -o r.xlsx --html r.xlsx` would write the workbook and
/// then replace it with the page, `export -o monitoring.sqlite` would replace
/// the store. Checked before anything is written; two paths name the same
/// file when they lead to the same place in the same folder (`./r.xlsx`,
/// a symlinked folder) or to the same existing file (a symlink to it).
enum DistinctFiles {
    /// Refuses, with exit status 2, when an output names the same file as
    /// another output or as an input. Options left out (nil) are ignored.
    static func require(outputs: [(option: String, path: String?)], inputs: [(option: String, path: String?)] = []) throws {
        let outs = outputs.compactMap { o in o.path.map { (o.option, $0, Place($0)) } }
        let ins = inputs.compactMap { i in i.path.map { (i.option, $0, Place($0)) } }
        for (n, output) in outs.enumerated() {
            for other in outs[..<n] + ins where output.2.isSame(as: other.2) {
                throw CommandFailure(file: output.1, location: output.0,
                                     reason: "the same file as \(other.0) \(other.1); give another name (nothing was written)")
            }
        }
    }

    /// Where a path leads: the folder resolved plus the name in it, and the
    /// existing file's device and inode when there is one.
    private struct Place {
        var slot: String?
        var file: (dev_t, ino_t)?

        init(_ path: String) {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            if let resolved = realpath(folder, nil) {
                slot = String(cString: resolved) + "/" + name
                free(resolved)
            }
            var info = stat()
            if stat(path, &info) == 0 { file = (info.st_dev, info.st_ino) }
        }

        func isSame(as other: Place) -> Bool {
            if let a = slot, let b = other.slot, a == b { return true }
            if let a = file, let b = other.file, a == b { return true }
            return false
        }
    }
}
