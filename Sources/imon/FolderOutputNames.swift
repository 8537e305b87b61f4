#if canImport(Glibc)
import Glibc
#endif
import WorkbookIO

/// The names of the files one command writes into one folder, derived from
/// content (department codes, input file names): each made a safe name
/// inside the folder (`SafeFileName`), and none given twice in one run, so
/// two inputs called `Amt_40.xlsx` from different folders get
/// `Prüfung_Amt_40.xlsx` and `Prüfung_Amt_40_2.xlsx`.
struct FolderOutputNames {
    let folder: String
    /// Whether an existing file may be replaced; when not, the next free
    /// numbered name is taken.
    let mayReplace: (String) -> Bool
    /// Names given in this run, lowercased: shared folders on SMB or macOS
    /// do not tell `A.xlsx` from `a.xlsx`.
    private var given: Set<String> = []

    init(folder: String, mayReplace: @escaping (String) -> Bool) {
        self.folder = folder
        self.mayReplace = mayReplace
    }

    /// The path for a file called `name` (made safe), numbered when taken.
    mutating func path(for name: String) -> String {
        let safe = SafeFileName.component(name)
        let dot = safe.lastIndex(of: ".")
        let stem = dot.map { String(safe[..<$0]) } ?? safe
        let ext = dot.map { String(safe[$0...]) } ?? ""
        var n = 1
        while true {
            let candidate = n == 1 ? safe : "\(stem)_\(n)\(ext)"
            let path = folder.hasSuffix("/") ? folder + candidate : folder + "/" + candidate
            n += 1
            if given.contains(candidate.lowercased()) { continue }
            if access(path, F_OK) == 0 && !mayReplace(path) { continue }
            given.insert(candidate.lowercased())
            return path
        }
    }
}
