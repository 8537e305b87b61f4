import WorkbookIO

/// How a feedback copy written by `FeedbackWorkbook` is named and known
/// again, so that copies written into an inbox are never taken for
/// submissions and never overwrite one.
public enum FeedbackCopy {
    /// The prefix of a feedback copy's file name: `Prüfung_Amt_40_2007.xlsx`.
    public static func namePrefix(_ language: Language) -> String { language("Prüfung_", "Checked_") }

    /// Whether the file at `path` is a feedback copy: its name carries the
    /// prefix (German or English) and its first sheet is the protocol sheet
    /// `FeedbackWorkbook` puts first (`Prüfprotokoll`, `Check report`). Both
    /// must hold: a department may name its own file `Prüfung_…`, and may send
    /// a corrected feedback copy back under a name of its own.
    public static func isFeedbackCopy(path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard Language.allCases.contains(where: { name.hasPrefix(namePrefix($0)) }) else { return false }
        let first: String
        do {
            guard let sheet = try WorkbookFile.open(path).sheets.first else { return false }
            first = sheet.name
        } catch {
            // A file that cannot be opened is not one imon wrote; the check
            // that follows reports it like any other broken submission.
            return false
        }
        return Language.allCases.contains { first.hasPrefix($0("Prüfprotokoll", "Check report")) }
    }
}
