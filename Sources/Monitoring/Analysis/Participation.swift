/// Which districts are large enough to be compared in a year: those whose
/// population (the catalogue's population indicator and category) reaches
/// the minimum. MSS leaves planning areas under 300 inhabitants out; a rate
/// there rests on a handful of people and ranks by chance.
public struct Participation: Sendable, Equatable {
    public var year: Int
    /// District number → population, for every district with a known population.
    public var population: [String: Double]
    public var minimum: Double

    public init(catalogue: Catalogue, values: IndicatorValues, year: Int) {
        self.year = year
        let settings = catalogue.assessment
        minimum = settings.minimumPopulation
        var population: [String: Double] = [:]
        if let indicator = catalogue.indicator(settings.populationIndicator) {
            for d in catalogue.districts {
                if let v = values.district(indicator, year, d.number, settings.populationCategory) { population[d.number] = v }
            }
        }
        self.population = population
    }

    /// Whether a district takes part; one without a known population does not.
    public func takesPart(_ district: String) -> Bool {
        (population[district] ?? -1) >= minimum
    }
}
