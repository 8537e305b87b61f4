/// Compares each goal's baseline in the catalogue with the value the data
/// show for the baseline year (issue 23, item 5): progress is measured from
/// the observed value, so a catalogue figure that differs by more than the
/// catalogue's tolerance is worth correcting.
public enum GoalBaselineCheck {
    /// A finding per goal whose catalogue baseline differs from the observed city value.
    public static func findings(_ catalogue: Catalogue, values: IndicatorValues) -> [CatalogueFinding] {
        var out: [CatalogueFinding] = []
        for (n, goal) in catalogue.goals.enumerated() {
            guard let indicator = catalogue.indicator(goal.indicator),
                  let observed = values.city(indicator, goal.baselineYear, goal.category),
                  abs(observed - goal.baselineValue) > catalogue.assessment.baselineTolerance else { continue }
            out.append(CatalogueFinding(.baselineDiffersFromData(goal: n + 1, indicator: goal.indicator, catalogue: goal.baselineValue, observed: observed),
                                        sheet: CatalogueWorkbook.goalsSheet))
        }
        return out
    }
}
