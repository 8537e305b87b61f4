/// The attacker's check (issue 22, item 3): for every suppressed count of a
/// publication, the least and greatest value it can take given every
/// published figure, every relation among them (`LinearRelation.all`) and
/// the earlier reports' published figures, found by linear programming
/// (GLPK) as tau-argus and sdcTable audit a table. A hidden count whose
/// interval holds fewer whole numbers than its indicator's minimum case
/// number is disclosed; so is a published count of 1 … minimum − 1.
///
/// The LP relaxation's interval contains every whole-number solution, so
/// the count of whole numbers in it is an upper bound on what an attacker
/// who also uses integrality is left with: the check is exact for sums of
/// counts (their relation matrices are totally unimodular, so the LP bounds
/// are whole numbers), and with rounded rates it can overstate the
/// attacker's uncertainty, as every LP audit does; Methodik says so.
public struct DisclosureAudit: Sendable {
    /// A disclosed cell.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// A count of 1 … minimum − 1 is printed.
            case publishedBelowMinimum(Double)
            /// A hidden count is narrowed to `lower … upper` (whole numbers).
            case narrowed(lower: Int, upper: Int)
        }
        public var cell: CellKey
        public var kind: Kind
        public var minimumCases: Int

        public var description: String {
            switch kind {
            case .publishedBelowMinimum(let v):
                return "\(cell): \(ReportNumber.plain(v)) is published, below the minimum case number \(minimumCases)"
            case .narrowed(let lo, let hi):
                let range = lo == hi ? "exactly \(lo)" : "to \(lo) … \(hi)"
                return "\(cell): the suppressed count can be worked out \(range) from the published figures (minimum case number \(minimumCases))"
            }
        }
    }

    /// The least and greatest value of one hidden count (upper nil: unbounded).
    public struct Interval: Sendable, Equatable {
        public var lower: Double
        public var upper: Double?
        /// Whole numbers in the interval; nil when unbounded.
        public var wholeNumbers: Int? {
            guard let upper else { return nil }
            return Int((upper + DisclosureAudit.tolerance).rounded(.down) - (lower - DisclosureAudit.tolerance).rounded(.up)) + 1
        }
    }

    public var findings: [Finding]
    public var intervals: [CellKey: Interval]
    /// Linear programs solved (two per hidden count in a relation).
    public var solves: Int

    public var passed: Bool { findings.isEmpty }

    /// Solver answers closer than this to a whole number count as that number.
    static let tolerance = 1e-6

    /// Audits `publication` against itself and `earlier` reports.
    /// `zerosPublished`: zeros are printed, so a hidden count is at least 1.
    /// `focus`: solve only the groups of hidden cells holding one of these
    /// cells (the builder's later rounds: other groups have not changed).
    public static func run(_ publication: Publication, earlier: [Publication] = [], zerosPublished: Bool = true,
                           focus: Set<CellKey>? = nil) throws(AuditError) -> DisclosureAudit {
        let s = publication.structure
        var findings: [Finding] = []
        var known: [CellKey: Double] = [:]
        var targets: [CellKey] = []
        var countTables: [String: PublicationStructure.Table] = [:]
        for t in s.tables where t.isCount { countTables[t.code] = t }
        for e in earlier {
            for (key, figure) in e.values where countTables[key.indicator] != nil {
                if case .value(let v) = figure { known[key] = v }
            }
        }
        for (key, figure) in publication.values {
            guard let table = countTables[key.indicator] else { continue }
            switch figure {
            case .value(let v):
                known[key] = v
                if v > 0 && v < Double(table.minimumCases) {
                    findings.append(Finding(cell: key, kind: .publishedBelowMinimum(v), minimumCases: table.minimumCases))
                }
            case .suppressed:
                // A cell an earlier report published is known to everybody: a constant, not a target.
                if known[key] == nil { targets.append(key) }
            case .missing, .notApplicable: break
            }
        }
        targets.sort()

        // Variables: every cell of a relation not known; their bounds.
        var index: [CellKey: Int] = [:]
        var keys: [CellKey] = []
        var lowers: [Double] = []
        let hiddenLower: Double = zerosPublished ? 1 : 0
        func variable(_ key: CellKey) -> Int {
            if let i = index[key] { return i }
            index[key] = keys.count
            keys.append(key)
            lowers.append(publication[key].isSuppressed ? hiddenLower : 0)
            return keys.count - 1
        }
        var reduced: [LinearProgram.Row] = []
        for relation in LinearRelation.all(in: publication, involvingUnpublished: true) {
            var constant = 0.0
            var terms: [Int: Double] = [:]
            for (cell, a) in relation.terms {
                if let v = known[cell] { constant += a * v } else { terms[variable(cell), default: 0] += a }
            }
            let live = terms.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            guard !live.isEmpty else { continue }
            reduced.append(LinearProgram.Row(terms: live.map { ($0.key, $0.value) },
                                             lower: relation.lower.map { $0 - constant }, upper: relation.upper.map { $0 - constant }))
        }

        // Hidden cells that share no relation can be solved apart: one small LP per group.
        var parent = Array(0..<keys.count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for row in reduced {
            let first = root(row.terms[0].column)
            for t in row.terms.dropFirst() { let r = root(t.column); if r != first { parent[r] = first } }
        }
        var rowsByGroup: [Int: [Int]] = [:]
        for (n, row) in reduced.enumerated() { rowsByGroup[root(row.terms[0].column), default: []].append(n) }
        var targetsByGroup: [Int: [CellKey]] = [:]
        var intervals: [CellKey: Interval] = [:]
        for key in targets {
            if let i = index[key] { targetsByGroup[root(i), default: []].append(key) }
            else { intervals[key] = Interval(lower: hiddenLower, upper: nil) }
        }
        if let focus {
            let wanted = Set(focus.compactMap { index[$0].map(root) })
            targetsByGroup = targetsByGroup.filter { wanted.contains($0.key) }
        }
        var membersByGroup: [Int: [Int]] = [:]
        for i in keys.indices where targetsByGroup[root(i)] != nil { membersByGroup[root(i), default: []].append(i) }
        var problems: [GroupProblem] = []
        for group in targetsByGroup.keys.sorted() {
            let members = membersByGroup[group] ?? []
            var local: [Int: Int] = [:]
            for (n, m) in members.enumerated() { local[m] = n }
            let rows = (rowsByGroup[group] ?? []).map { r in
                LinearProgram.Row(terms: reduced[r].terms.map { (local[$0.column] ?? 0, $0.coefficient) }, lower: reduced[r].lower, upper: reduced[r].upper)
            }
            let wanted = (targetsByGroup[group] ?? []).compactMap { key in index[key].flatMap { local[$0] }.map { (key, $0) } }
            problems.append(GroupProblem(lowers: members.map { lowers[$0] }, rows: rows, targets: wanted))
        }
        // Each group is a problem of its own, and GLPK keeps its state per
        // thread (built with thread-local storage, glp_config("TLS")), so the
        // groups are solved on all cores.
        var solves = 0
        for result in ParallelMap.map(problems, solve) {
            switch result {
            case .success(let found):
                for (key, interval) in found { intervals[key] = interval }
                solves += 2 * found.count
            case .failure(let error): throw error
            }
        }
        for key in targets {
            guard let interval = intervals[key], let whole = interval.wholeNumbers,
                  let minimum = countTables[key.indicator]?.minimumCases, whole < minimum else { continue }
            let lo = Int((interval.lower - tolerance).rounded(.up)), hi = lo + max(whole, 1) - 1
            findings.append(Finding(cell: key, kind: .narrowed(lower: lo, upper: hi), minimumCases: minimum))
        }
        findings.sort { $0.cell < $1.cell }
        return DisclosureAudit(findings: findings, intervals: intervals, solves: solves)
    }

    /// One group of connected hidden cells as a linear program, with the cells to bound.
    struct GroupProblem: Sendable {
        var lowers: [Double]
        var rows: [LinearProgram.Row]
        var targets: [(cell: CellKey, column: Int)]
    }

    /// The least and greatest value of each target of one group.
    @Sendable static func solve(_ p: GroupProblem) -> Result<[(CellKey, Interval)], AuditError> {
        let lp = LinearProgram(columns: p.lowers.map { ($0, nil) }, rows: p.rows)
        var out: [(CellKey, Interval)] = []
        for (key, column) in p.targets {
            let low = lp.optimum(of: column, maximise: false)
            let high = lp.optimum(of: column, maximise: true)
            let lower: Double, upper: Double?
            switch low {
            case .optimal(let v): lower = v
            case .infeasible: return .failure(.inconsistent(key))
            case .unbounded, .failed: return .failure(.solverFailed(key, "minimum: \(low)"))
            }
            switch high {
            case .optimal(let v): upper = v
            case .unbounded: upper = nil
            case .infeasible: return .failure(.inconsistent(key))
            case .failed: return .failure(.solverFailed(key, "maximum: \(high)"))
            }
            out.append((key, Interval(lower: lower, upper: upper)))
        }
        return .success(out)
    }
}
