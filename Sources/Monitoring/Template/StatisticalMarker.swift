/// The German statistical markers a department may enter instead of a
/// number (after DIN 55301 and the usage of the statistical offices).
public enum StatisticalMarker: String, CaseIterable, Sendable {
    /// Nothing there: the value is zero or no case occurred.
    case nothing = "-"
    /// Unknown, or kept confidential.
    case unknown = "."
    /// Not applicable: the question makes no sense here.
    case notApplicable = "x"

    public func meaning(_ language: Language) -> String {
        switch self {
        case .nothing: return language("nichts vorhanden (genau null)", "nothing (exactly zero)")
        case .unknown: return language("unbekannt oder geheim zu halten", "unknown or confidential")
        case .notApplicable: return language("Tabellenfach gesperrt, weil Aussage nicht sinnvoll", "not applicable")
        }
    }
}
