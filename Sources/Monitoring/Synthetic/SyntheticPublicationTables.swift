/// A large synthetic publication for measuring protection: 40 districts of
/// very different size, 40 indicators (32 counts in three categories with
/// many small cells, 8 rates on them) over 10 years, seeded.
public enum SyntheticPublicationTables {
    public static func make(districts: Int = 40, indicators: Int = 40, years: Int = 10, seed: UInt64 = 2005) -> PublicationBuilder {
        var random = SplitMix64(seed: seed)
        let categories = ["insgesamt", "deutsch", "nichtdeutsch"]
        let rows = (1...districts).map { String(format2: $0) }
        let rates = indicators / 5
        let counts = indicators - rates
        var tables: [PublicationStructure.Table] = []
        for i in 0..<counts {
            tables.append(PublicationStructure.Table(code: "C\(i)", unit: .count, categories: categories, total: "insgesamt",
                                                     level: .districts, minimumCases: 3))
        }
        for i in 0..<rates {
            // Each rate divides a small count by a larger one, as a share.
            tables.append(PublicationStructure.Table(code: "R\(i)", unit: .percent, categories: categories, total: nil, level: .districts,
                                                     minimumCases: 3, minimumDenominator: 3, numerator: "C\(2 * i + 1)", denominator: "C\(2 * i)"))
        }
        let allYears = Array(2000..<(2000 + years))
        let sizes = rows.map { _ in exp(random.uniform(3...9)) }
        var values: [CellKey: Double] = [:]
        for i in 0..<counts {
            // Odd indicators are sub-populations of the even one before them (numerators of rates).
            let share = i % 2 == 0 ? random.uniform(0.05...1) : random.uniform(0.02...0.4)
            for (r, row) in rows.enumerated() {
                let foreign = random.uniform(0.01...0.2)
                for year in allYears {
                    let base = i % 2 == 0 ? sizes[r] * share : (values[CellKey("C\(i - 1)", row, "insgesamt", year)] ?? 0) * share
                    let drift = 1 + 0.03 * Double(year - 2000)
                    let german = (base * (1 - foreign) * drift * random.uniform(0.9...1.1)).rounded()
                    let other = (base * foreign * drift * random.uniform(0.5...1.5)).rounded()
                    values[CellKey("C\(i)", row, "deutsch", year)] = german
                    values[CellKey("C\(i)", row, "nichtdeutsch", year)] = other
                    values[CellKey("C\(i)", row, "insgesamt", year)] = german + other
                }
            }
        }
        let structure = PublicationStructure(reportYear: allYears.last ?? 2000, years: allYears, districts: rows, tables: tables)
        return PublicationBuilder(structure: structure, counts: values)
    }

    static func exp(_ x: Double) -> Double {
        // e^x by its series on a reduced argument: Foundation is not imported here.
        let n = Int(x.rounded(.down))
        let f = x - Double(n)
        var term = 1.0, sum = 1.0
        for k in 1..<20 { term *= f / Double(k); sum += term }
        return (0..<n).reduce(sum) { r, _ in r * 2.718281828459045 }
    }
}

private extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
