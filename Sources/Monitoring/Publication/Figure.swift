/// Why a figure is not published. Readers see one marker (`.`) for both;
/// the distinction is kept for the method's statistics and the store.
public enum SuppressionKind: String, Sendable, Equatable {
    /// A count of 1 … minimum − 1, or a rate on too small a denominator, or
    /// a rate or change whose counts are hidden.
    case primary
    /// Hidden so that primary cells cannot be worked out from the rest.
    case secondary
}

/// One figure as a reader gets it: the only form a renderer sees.
public enum Figure: Sendable, Equatable {
    case value(Double)
    case suppressed(SuppressionKind)
    /// No data delivered (`-` for readers).
    case missing
    /// Does not exist for this cell (`x`): a change without a previous year.
    case notApplicable

    /// The published number, nil when there is none.
    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }

    /// The status a reader sees for a figure without a number (JSON-stat `status`).
    public var marker: String? {
        switch self {
        case .value: return nil
        case .suppressed: return "."
        case .missing: return "-"
        case .notApplicable: return "x"
        }
    }
}
