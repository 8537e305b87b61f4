import Monitoring
import MonitoringStore
import Operations
import PortalAPI

/// The API's answers (the schemas of `openapi.yaml`) made from the
/// application layer's results. A finding carries exactly what
/// `imon validate --format json` gives; what a finding or status lacks
/// is left out rather than sent as null.
enum APIValues {
    static func finding(_ f: ValidationFinding, language: Language) -> Components.Schemas.Finding {
        Components.Schemas.Finding(severity: f.severity == .error ? .error : .warning, code: f.code, sheet: f.sheet, cell: f.cell,
                                   value: f.value, message: f.message(language))
    }

    static func outcome(_ outcome: MergeOutcome) -> Components.Schemas.Outcome {
        switch outcome {
        case .imported: return .imported
        case .unchanged: return .unchanged
        case .superseded: return .superseded
        case .rejected: return .rejected
        case .conflict: return .conflict
        }
    }

    static func delivery(_ result: DeliveryResult, language: Language, feedback: String?) -> Components.Schemas.Delivery {
        var conflicts: [Components.Schemas.ValueConflict] = []
        if case .conflict(let list) = result.merge.outcome {
            conflicts = list.map { c in
                Components.Schemas.ValueConflict(indicator: c.indicator, district: c.district, category: c.category, newValue: c.newValue,
                                                 newCell: c.newCell, existingValue: c.existingValue, existingDepartment: c.existingDepartment)
            }
        }
        return Components.Schemas.Delivery(outcome: outcome(result.merge.outcome), file: result.report.file, department: result.report.department,
                                           year: result.report.year, errors: result.report.errors, warnings: result.report.warnings,
                                           findings: result.report.findings.map { finding($0, language: language) }, conflicts: conflicts,
                                           conflictID: result.heldID.map { Int($0) }, feedback: feedback)
    }

    static func board(_ board: [DeliveryStatus], held: [HeldUpload], year: Int) -> Components.Schemas.Board {
        Components.Schemas.Board(
            year: year,
            departments: board.map { s in
                Components.Schemas.Status(department: s.department, name: s.departmentName, year: s.year, state: state(s.state), at: s.at, by: s.by,
                                          file: s.file)
            },
            conflicts: held.map { h in
                Components.Schemas.HeldConflict(id: Int(h.id), department: h.department, year: h.year, file: h.fileName, uploadedAt: h.uploadedAt,
                                                uploadedBy: h.uploadedBy, conflicts: h.conflicts)
            })
    }

    static func state(_ state: DeliveryState) -> Components.Schemas.Status.StatePayload {
        switch state {
        case .missing: return .missing
        case .delivered: return .delivered
        case .rejected: return .rejected
        case .superseded: return .superseded
        case .conflict: return .conflict
        }
    }

    static func decision(_ result: MergeResult) -> Components.Schemas.Decision {
        Components.Schemas.Decision(outcome: outcome(result.outcome), file: result.file, decision: result.decision)
    }

    static func account(_ account: Account, csrf: String) -> Components.Schemas.Account {
        let role: Components.Schemas.Account.RolePayload
        switch account.role {
        case .department: role = .department
        case .coordinator: role = .coordinator
        case .analyst: role = .analyst
        }
        return Components.Schemas.Account(username: account.name, role: role, department: account.department, csrfToken: csrf)
    }

    static func problem(_ message: String) -> Components.Schemas.ErrorMessage { Components.Schemas.ErrorMessage(error: message) }
}
