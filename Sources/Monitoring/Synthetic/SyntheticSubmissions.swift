import Spreadsheet

/// Plausible, internally consistent and clearly synthetic numbers for every
/// submitted indicator of a catalogue: parts add up to their totals, the
/// districts to the city, rates derived from them stay in range, and the
/// years move by small steps. For demonstrations, samples and benchmarks;
/// never real data.
public struct SyntheticSubmissions: Sendable {
    public let catalogue: Catalogue
    public let seed: UInt64

    /// The district profile all indicators are drawn from: population and
    /// the share of non-German residents.
    struct Profile {
        var population: Double
        var foreignShare: Double
        var deprivation: Double
    }

    private let profiles: [String: Profile]

    public init(catalogue: Catalogue, seed: UInt64 = 2005) {
        self.catalogue = catalogue
        self.seed = seed
        var random = SplitMix64(seed: seed)
        var profiles: [String: Profile] = [:]
        for district in catalogue.districts {
            let small = ["Industriehafen", "Gewerbegebiet Nord", "Barleber See", "Kreuzhorst", "Großer Silberberg", "Beyendorfer Grund"]
                .contains(district.name)
            let population = small ? random.uniform(40...400) : random.uniform(1_500...24_000)
            profiles[district.number] = Profile(population: population.rounded(), foreignShare: random.uniform(0.008...0.11),
                                                deprivation: random.uniform(0.6...1.6))
        }
        self.profiles = profiles
    }

    /// The values a department enters for `year`.
    public func values(department: String, year: Int) -> SubmissionValues {
        var values = SubmissionValues()
        values.contactPerson = .string("Beispielperson Amt \(department) (synthetische Daten)")
        values.phone = .string("0391 540-\(1000 + Int(department.hashValueStable % 9000))")
        values.email = .string("amt\(department.lowercased())@beispiel.invalid")
        for indicator in catalogue.submittedIndicators(of: department) {
            var random = SplitMix64(seed: seed ^ UInt64(year) &* 1_000_003 ^ indicator.code.hashValueStable)
            var totals = [String: Double]()
            let rows: [(String, Profile)] = indicator.level == .districts
                ? catalogue.districts.compactMap { d in profiles[d.number].map { (d.number, $0) } }
                : [(SubmissionValues.cityTotalKey, cityProfile)]
            for (key, profile) in rows {
                let parts = counts(indicator, profile: grown(profile, year: year), random: &random)
                for (category, value) in zip(indicator.categories, parts) {
                    values[indicator.code, key, category] = .number(value)
                    totals[category, default: 0] += value
                }
            }
            if indicator.level == .districts {
                for category in indicator.categories {
                    values[indicator.code, SubmissionValues.cityTotalKey, category] = .number(totals[category] ?? 0)
                }
            }
        }
        return values
    }

    private var cityProfile: Profile {
        // In the order of the district numbers: a dictionary's own order changes from run to run.
        let ordered = profiles.sorted { $0.key < $1.key }.map(\.value)
        let population = ordered.reduce(0) { $0 + $1.population }
        let foreign = ordered.reduce(0) { $0 + $1.population * $1.foreignShare }
        return Profile(population: population, foreignShare: foreign / population, deprivation: 1)
    }

    /// Slow drift over the years: a little fewer residents, a few more non-German ones.
    private func grown(_ p: Profile, year: Int) -> Profile {
        let t = Double(year - 2005)
        return Profile(population: p.population * (1 - 0.004 * t), foreignShare: min(0.2, p.foreignShare * (1 + 0.04 * t)),
                       deprivation: p.deprivation * (1 - 0.02 * t))
    }

    /// Counts per category: the total first, then its parts (which add up to it).
    private func counts(_ indicator: Indicator, profile p: Profile, random: inout SplitMix64) -> [Double] {
        let (rate, foreignFactor) = Self.rates[indicator.code] ?? (0.01, 1.0)
        let jitter = { (r: inout SplitMix64) in r.uniform(0.9...1.1) }
        let base = p.population
        if indicator.level == .city {
            return [ (base * rate * jitter(&random)).rounded() ]
        }
        let deprivation = indicator.direction == .higherIsWorse ? p.deprivation : 1 / p.deprivation
        let german = (base * (1 - p.foreignShare) * rate * deprivation * jitter(&random)).rounded()
        let foreign = (base * p.foreignShare * rate * foreignFactor * deprivation * jitter(&random)).rounded()
        let total = german + foreign
        switch indicator.categories.count {
        case 1 where indicator.categories[0] == "insgesamt":
            if ["W05", "K01", "K02", "K03"].contains(indicator.code) {
                return [ (base / 4000 * rate * 10 * jitter(&random)).rounded(.down) ]
            }
            return [ foreign ]
        case 3 where indicator.categories[1] == "deutsch":
            return [total, german, foreign]
        case 3:
            // Split by sex: naturalisations and course participants concern non-German residents.
            let all = ["P01", "A06"].contains(indicator.code) ? (base * p.foreignShare * rate * jitter(&random)).rounded() : total
            let male = (all * random.uniform(0.42...0.58)).rounded()
            return [all, male, all - male]
        default:
            return indicator.categories.map { _ in total }
        }
    }

    /// Rate per resident of the whole population, and how much more often
    /// it applies to non-German residents. Chosen so that derived rates are
    /// plausible (employment around 50 %, non-German childcare around 45 %).
    static let rates: [String: (Double, Double)] = [
        "W01": (1, 1), "W04": (0.025, 1.6), "W05": (0.4, 1),
        "P01": (0.015, 1), "P03": (0.8, 1), "P04": (0.12, 1),
        "B01": (0.085, 1.1), "B02": (0.03, 0.55), "B04": (0.0095, 1.1), "B05": (0.0008, 2.4), "B07": (0.0029, 0.5),
        "J01": (0.05, 1.3), "J02": (0.044, 0.66), "J04": (0.14, 1.2), "J05": (0.0028, 1.4),
        "S01": (0.12, 2.3), "S03": (0.004, 1),
        "A01": (0.34, 0.55), "A02": (0.68, 1.05), "A04": (0.075, 2.1), "A06": (0.05, 1),
        "K01": (0.6, 1), "K02": (0.3, 1), "K03": (0.1, 1),
        "V01": (0.021, 1), "V02": (0.0006, 1), "V04": (0.0011, 1), "V05": (0.00012, 1),
    ]
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for b in utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 }
        return hash
    }
}
