import Monitoring

/// What merging one file did.
public enum MergeOutcome: Sendable, Equatable {
    /// New: its observations are now current.
    case imported(observations: Int)
    /// The very same file was merged before; nothing changed.
    case unchanged
    /// The same department and year again: this version is current now, the
    /// earlier one (named) stays in the history.
    case superseded(previous: String, observations: Int)
    /// Validation errors: nothing imported.
    case rejected(errors: Int)
    /// Another department delivered different values for the same cells:
    /// nothing imported until someone decides (`--prefer new|old`).
    case conflict([MergeConflict])

    public var isProblem: Bool {
        switch self {
        case .rejected, .conflict: return true
        default: return false
        }
    }
}

/// Two departments' values for the same indicator, district, year and category.
public struct MergeConflict: Sendable, Equatable, CustomStringConvertible {
    public var indicator: String
    public var district: String
    public var year: Int
    public var category: String
    public var newValue: String
    public var newCell: String
    public var existingValue: String
    public var existingFile: String
    public var existingDepartment: String

    public var description: String {
        "\(indicator) \(district) \(year) \(category): new \(newValue) (\(newCell)) vs \(existingValue) from "
            + "department \(existingDepartment) (\(existingFile))"
    }
}

/// How a conflict is decided when the user says so.
public enum ConflictPreference: String, Sendable, CaseIterable {
    /// The new file's values replace the other department's.
    case new
    /// The values already in the store stay; the new file's conflicting ones are left out.
    case old
}

/// One file's result.
public struct MergeResult: Sendable {
    public var file: String
    public var department: String?
    public var year: Int?
    public var outcome: MergeOutcome
    /// How conflicts were decided, when they were (as the history records it).
    public var decision: String?
    /// The same decision as data, for people's messages in their language.
    public var decidedConflicts: ConflictDecision?
}

/// Conflicting values decided by `--prefer`: how many, which side was kept, by whom.
public struct ConflictDecision: Sendable, Equatable {
    public var count: Int
    public var preferred: ConflictPreference
    public var user: String
}
