import CGLPK

/// A linear program over bounded columns and rows, solved by GLPK's simplex:
/// the disclosure audit's attacker. One program is built per group of
/// connected hidden cells and then asked for the least and greatest value of
/// each column in turn; GLPK starts each solve from the previous basis, so
/// the second and later questions cost a few pivots.
final class LinearProgram {
    /// A row: `lower ≤ Σ coefficient × column ≤ upper`; nil is unbounded.
    struct Row: Sendable {
        var terms: [(column: Int, coefficient: Double)]
        var lower: Double?
        var upper: Double?
    }

    /// What a solve found.
    enum Outcome: Equatable {
        case optimal(Double)
        case unbounded
        case infeasible
        /// GLPK stopped without an answer (its return code), which the audit treats as a failure.
        case failed(Int32)
    }

    private let problem: OpaquePointer
    private var parameters = glp_smcp()
    let columnCount: Int

    /// `columns` are the bounds of each column (index 0 …); `rows` the relations.
    init(columns: [(lower: Double?, upper: Double?)], rows: [Row]) {
        // The solver's log on the terminal would mix with imon's own output.
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        columnCount = columns.count
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        if !columns.isEmpty { glp_add_cols(problem, Int32(columns.count)) }
        for (n, c) in columns.enumerated() {
            let (type, lo, hi) = LinearProgram.bounds(c.lower, c.upper)
            glp_set_col_bnds(problem, Int32(n + 1), type, lo, hi)
        }
        if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
        for (n, row) in rows.enumerated() {
            let (type, lo, hi) = LinearProgram.bounds(row.lower, row.upper)
            glp_set_row_bnds(problem, Int32(n + 1), type, lo, hi)
            // GLPK's arrays are 1-based: element 0 is ignored.
            var index: [Int32] = [0] + row.terms.map { Int32($0.column + 1) }
            var value: [Double] = [0] + row.terms.map(\.coefficient)
            glp_set_mat_row(problem, Int32(n + 1), Int32(row.terms.count), &index, &value)
        }
    }

    deinit { glp_delete_prob(problem) }

    private static func bounds(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case (let lo?, nil): return (GLP_LO, lo, 0)
        case (nil, let hi?): return (GLP_UP, 0, hi)
        case (let lo?, let hi?): return lo == hi ? (GLP_FX, lo, hi) : (GLP_DB, lo, hi)
        }
    }

    /// The least (`maximise` false) or greatest value `column` takes over the feasible region.
    func optimum(of column: Int, maximise: Bool) -> Outcome {
        for j in 0..<columnCount { glp_set_obj_coef(problem, Int32(j + 1), j == column ? 1 : 0) }
        glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
        var result = glp_simplex(problem, &parameters)
        if result == GLP_EBADB || result == GLP_ESING || result == GLP_ECOND {
            // A basis left by an earlier solve can go bad; start afresh once.
            glp_std_basis(problem)
            result = glp_simplex(problem, &parameters)
        }
        guard result == 0 else { return .failed(result) }
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal(glp_get_obj_val(problem))
        case GLP_UNBND: return .unbounded
        case GLP_NOFEAS: return .infeasible
        default: return .failed(-glp_get_status(problem))
        }
    }
}
