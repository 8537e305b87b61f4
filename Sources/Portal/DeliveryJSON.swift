import Monitoring
import MonitoringStore
import Operations

/// The JSON of the upload, board and decision answers (`openapi.yaml`).
enum DeliveryJSON {
    static func q(_ s: String?) -> String { JSONAnswer.q(s) }

    /// A finding as `imon validate --format json` gives it.
    static func finding(_ f: ValidationFinding, language: Language) -> String {
        "{\"severity\":\(q(f.severity.rawValue)),\"code\":\(q(f.code)),\"sheet\":\(q(f.sheet)),\"cell\":\(q(f.cell)),"
            + "\"value\":\(q(f.value)),\"message\":\(q(f.message(language)))}"
    }

    static func render(_ result: DeliveryResult, language: Language, feedback: String?) -> String {
        var conflicts = "[]"
        if case .conflict(let list) = result.merge.outcome {
            conflicts = "[" + list.map { c in
                "{\"indicator\":\(q(c.indicator)),\"district\":\(q(c.district)),\"category\":\(q(c.category)),\"newValue\":\(q(c.newValue)),"
                    + "\"newCell\":\(q(c.newCell)),\"existingValue\":\(q(c.existingValue)),\"existingDepartment\":\(q(c.existingDepartment))}"
            }.joined(separator: ",") + "]"
        }
        return "{\"outcome\":\(q(result.outcome)),\"file\":\(q(result.report.file)),\"department\":\(q(result.report.department)),"
            + "\"year\":\(result.report.year.map(String.init) ?? "null"),\"errors\":\(result.report.errors),\"warnings\":\(result.report.warnings),"
            + "\"findings\":[\(result.report.findings.map { finding($0, language: language) }.joined(separator: ","))],"
            + "\"conflicts\":\(conflicts),\"conflictID\":\(result.heldID.map(String.init) ?? "null"),\"feedback\":\(q(feedback))}\n"
    }

    static func board(_ board: [DeliveryStatus], held: [HeldUpload], year: Int) -> String {
        let rows = board.map { s in
            "{\"department\":\(q(s.department)),\"name\":\(q(s.departmentName)),\"year\":\(s.year),\"state\":\(q(s.state.rawValue)),"
                + "\"at\":\(q(s.at)),\"by\":\(q(s.by)),\"file\":\(q(s.file))}"
        }
        let conflicts = held.map { h in
            "{\"id\":\(h.id),\"department\":\(q(h.department)),\"year\":\(h.year),\"file\":\(q(h.fileName)),\"uploadedAt\":\(q(h.uploadedAt)),"
                + "\"uploadedBy\":\(q(h.uploadedBy)),\"conflicts\":\(h.conflicts)}"
        }
        return "{\"year\":\(year),\"departments\":[\(rows.joined(separator: ","))],\"conflicts\":[\(conflicts.joined(separator: ","))]}\n"
    }

    static func decision(_ result: MergeResult) -> String {
        let outcome: String
        switch result.outcome {
        case .imported: outcome = "imported"
        case .unchanged: outcome = "unchanged"
        case .superseded: outcome = "superseded"
        case .rejected: outcome = "rejected"
        case .conflict: outcome = "conflict"
        }
        return "{\"outcome\":\(q(outcome)),\"file\":\(q(result.file)),\"decision\":\(q(result.decision))}\n"
    }
}
