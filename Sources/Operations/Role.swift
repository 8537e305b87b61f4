/// What an account may do in the portal.
public enum Role: String, Sendable, CaseIterable {
    /// Delivers its own department's workbooks and sees only its own deliveries.
    case department
    /// Sees every department's deliveries, decides conflicts, makes reports.
    case coordinator
    /// Makes reports.
    case analyst
}
