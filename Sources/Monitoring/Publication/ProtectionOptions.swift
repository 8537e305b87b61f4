/// The steps that protect a publication. All are on for every report; the
/// switches exist so that tests can show which leak each step closes.
public struct ProtectionOptions: Sendable, Equatable {
    /// How secondary cells are chosen.
    public enum Secondary: Sendable, Equatable {
        /// None: primary cells only.
        case none
        /// The earlier per-line rule (`Suppression`): a line with a published
        /// total and exactly one hidden part gets a second hidden part.
        case perLine
        /// Chosen until the LP audit passes (`SecondarySuppression`).
        case audited
    }

    public var secondary: Secondary = .audited
    /// The city line follows the minimum case number like every district.
    public var primaryOnCity = true
    /// A rate whose numerator or denominator is hidden is hidden.
    public var hideRatesOfHiddenCounts = true
    /// A change is published only where both years' values are.
    public var changesOnlyWhereBothPublished = true
    /// Cells published or hidden by earlier reports stay so.
    public var keepEarlierPattern = true

    public init() {}

    /// Every step on: what reports use.
    public static let full = ProtectionOptions()
}
