import Monitoring
import MonitoringStore

/// Where one department stands for one reporting year.
public enum DeliveryState: String, Sendable, CaseIterable {
    case missing, delivered, rejected, superseded, conflict
}

/// One cell of the coordinator's board: a department's delivery for a year, with when and by whom.
public struct DeliveryStatus: Sendable, Equatable {
    public var department: String
    public var departmentName: String
    public var year: Int
    public var state: DeliveryState
    public var at: String?
    public var by: String?
    public var file: String?
}

/// The board of departments × years: who delivered, who is missing.
public enum DeliveryBoard {
    /// Each submitting department of `catalogue` for each year, from the
    /// store's history: the last thing that happened to its delivery decides.
    public static func make(catalogue: Catalogue, history: [HistoryEntry], years: [Int]) -> [DeliveryStatus] {
        var last: [String: HistoryEntry] = [:]
        for entry in history {
            guard let department = entry.department, let year = entry.year else { continue }
            last["\(department)\u{1}\(year)"] = entry
        }
        var board: [DeliveryStatus] = []
        for year in years {
            for department in catalogue.submittingDepartments {
                var status = DeliveryStatus(department: department.code, departmentName: department.name, year: year, state: .missing)
                if let entry = last["\(department.code)\u{1}\(year)"] {
                    switch entry.outcome {
                    case "imported", "unchanged": status.state = .delivered
                    case "superseded": status.state = .superseded
                    case "conflict": status.state = .conflict
                    default: status.state = .rejected
                    }
                    status.at = entry.at
                    status.by = entry.user
                    status.file = entry.file
                }
                board.append(status)
            }
        }
        return board
    }

    /// The departments with nothing delivered for `year` (missing or only rejected).
    public static func missing(_ board: [DeliveryStatus], year: Int) -> [DeliveryStatus] {
        board.filter { $0.year == year && ($0.state == .missing || $0.state == .rejected) }
    }
}

extension DeliveryStatus {
    public init(department: String, departmentName: String, year: Int, state: DeliveryState) {
        self.init(department: department, departmentName: departmentName, year: year, state: state, at: nil, by: nil, file: nil)
    }
}
