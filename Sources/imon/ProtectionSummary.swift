import Monitoring

/// One line on what protecting a publication cost, for the terminal.
enum ProtectionSummary {
    static func line(_ s: SuppressionStatistics, audit: DisclosureAudit) -> String {
        "protection: \(s.published) of \(s.countCells) counts published, \(s.primary) primary and \(s.secondary) secondary suppressions"
            + (s.carriedOver > 0 ? " (\(s.carriedOver) kept hidden from the earlier report)" : "")
            + "; hidden: \(percent(s.hiddenCellShare)) of cells, \(percent(s.hiddenPersonShare)) of persons; audit passed (\(audit.intervals.count) hidden counts, \(audit.solves) LPs)"
    }

    static func seconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000).\(String(ms % 1000 + 1000).dropFirst()) s"
    }

    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
