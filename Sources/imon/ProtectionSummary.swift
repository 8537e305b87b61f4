import Monitoring

/// One line on what protecting a publication cost, for the terminal.
enum ProtectionSummary {
    /// In the language of the command's other lines: the coordinator reads it beside them.
    static func line(_ s: SuppressionStatistics, audit: DisclosureAudit, _ l: Language) -> String {
        let n = { (k: Int) in l.number(k) }
        let carried = s.carriedOver > 0
            ? l(" (\(n(s.carriedOver)) aus dem vorigen Bericht weiter gesperrt)", " (\(n(s.carriedOver)) kept hidden from the earlier report)") : ""
        return l("Schutz: \(n(s.published)) von \(n(s.countCells)) Fallzahlen veröffentlicht, \(n(s.primary)) primär und \(n(s.secondary)) sekundär gesperrt",
                 "protection: \(s.published) of \(s.countCells) counts published, \(s.primary) primary and \(s.secondary) secondary suppressions")
            + carried
            + l("; gesperrt: \(percent(s.hiddenCellShare, l)) der Zellen, \(percent(s.hiddenPersonShare, l)) der Personen; Prüfung bestanden (\(n(audit.intervals.count)) gesperrte Fallzahlen, \(n(audit.solves)) LPs)",
                "; hidden: \(percent(s.hiddenCellShare, l)) of cells, \(percent(s.hiddenPersonShare, l)) of persons; audit passed (\(audit.intervals.count) hidden counts, \(audit.solves) LPs)")
    }

    static func seconds(_ d: Duration, _ l: Language) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000)\(l(",", "."))\(String(ms % 1000 + 1000).dropFirst()) s"
    }

    static func percent(_ x: Double, _ l: Language) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10)\(l(",", "."))\(tenths % 10) %"
    }
}
