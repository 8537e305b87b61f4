/// The three assessment datasets of the report's JSON-stat collection
/// (issue 23, item 7): `marks`, `status` and `goals`.
public enum AssessmentDatasets {
    /// `marks`: indicator × district × category (for a gap `nichtdeutsch − deutsch`); 1 marked, 0 assessed and not marked, nil (status `-`) not assessed.
    public static func marks(_ assessments: [RateAssessment], catalogue: Catalogue) -> AssessmentDataset {
        let sorted = assessments.sorted { (catalogue.indicators.firstIndex(of: $0.indicator) ?? 0) < (catalogue.indicators.firstIndex(of: $1.indicator) ?? 0) }
        var categories: [String] = []
        for a in sorted where !categories.contains(a.rule.label) { categories.append(a.rule.label) }
        let byCode = Dictionary(sorted.map { ($0.indicator.code, $0) }, uniquingKeysWith: { a, _ in a })
        return AssessmentDataset(
            name: "marks", label: "Markierungen: signifikant und relevant ungünstiger als die Stadt",
            dimensions: [
                .init(id: "indicator", label: "Indikator", categories: sorted.map { .init(id: $0.indicator.code, label: $0.indicator.name) }),
                district(catalogue),
                .init(id: "category", label: "Kategorie", categories: categories.map { .init(id: $0, label: $0) }),
            ]) { ids in
                guard let a = byCode[ids[0]], a.rule.label == ids[2], let c = a.comparison(ids[1]), c.verdict.isAssessed else { return nil }
                return c.isMarked ? 1 : 0
            }
    }

    /// The measures of the `status` dataset.
    public static let statusMeasures = ["status", "dynamics", "statusClass", "dynamicsClass"]

    /// `status`: field (1–7) × district × measure; nil where the district does not take part.
    public static func status(_ figures: [StatusDynamics], catalogue: Catalogue) -> AssessmentDataset {
        var byKey: [String: StatusDynamics] = [:]
        for f in figures where f.field != StatusDynamics.allFields { byKey["\(f.field)|\(f.district)"] = f }
        return AssessmentDataset(
            name: "status", label: "Status- und Dynamikindex",
            dimensions: [
                .init(id: "field", label: "Handlungsfeld", categories: catalogue.fields.map { .init(id: String($0.code), label: $0.name) }),
                district(catalogue),
                .init(id: "measure", label: "Maß", categories: [
                    .init(id: "status", label: "Statusindex"), .init(id: "dynamics", label: "Dynamikindex"),
                    .init(id: "statusClass", label: "Statusklasse (1 hoch … 4 sehr niedrig)"),
                    .init(id: "dynamicsClass", label: "Dynamikklasse (1 positiv … 3 negativ)"),
                ]),
            ]) { ids in
                guard let f = byKey["\(ids[0])|\(ids[1])"] else { return nil }
                switch ids[2] {
                case "status": return f.status
                case "dynamics": return f.dynamics
                case "statusClass": return Double(f.statusClass.rawValue)
                default: return f.dynamicsClass.map { Double($0.rawValue) }
                }
            }
    }

    /// `goals`: goal (by priority) × measure; progress as a share of the way, positive = better.
    public static func goals(_ goals: [GoalProgress]) -> AssessmentDataset {
        let byId = Dictionary(goals.map { (String($0.goal.priority), $0) }, uniquingKeysWith: { a, _ in a })
        return AssessmentDataset(
            name: "goals", label: "Ziele",
            dimensions: [
                .init(id: "goal", label: "Ziel", categories: goals.map { .init(id: String($0.goal.priority), label: $0.goal.statement) }),
                .init(id: "measure", label: "Maß", categories: [
                    .init(id: "baseline", label: "Basiswert"), .init(id: "current", label: "Stand"), .init(id: "target", label: "Zielwert"),
                    .init(id: "progress", label: "Fortschritt (Anteil des Weges, positiv = besser)"),
                    .init(id: "projected", label: "Projektion für das Zieljahr"),
                ]),
            ]) { ids in
                guard let g = byId[ids[0]] else { return nil }
                switch ids[1] {
                case "baseline": return g.baseline
                case "current": return g.current
                case "target": return g.goal.targetValue
                case "progress": return g.progress.map { $0 / 100 }
                default: return g.projected
                }
            }
    }

    private static func district(_ c: Catalogue) -> AssessmentDataset.Dimension {
        .init(id: "district", label: "Stadtteil", categories: c.districts.map { .init(id: $0.number, label: $0.name) })
    }
}
