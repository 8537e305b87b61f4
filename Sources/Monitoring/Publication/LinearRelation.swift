/// One linear relation between count cells that a reader of a publication
/// knows to hold: `lower ≤ Σ coefficient × cell ≤ upper` (nil: unbounded).
public struct LinearRelation: Sendable {
    public enum Origin: String, Sendable {
        /// The parts of a breakdown sum to its total.
        case parts
        /// The districts sum to the city.
        case districts
        /// A published rate, with its rounding, ties numerator to denominator.
        case rate
        /// A published change is this year's value less last year's.
        case change
    }

    public var terms: [(cell: CellKey, coefficient: Double)]
    public var lower: Double?
    public var upper: Double?
    public var origin: Origin

    public init(_ terms: [(cell: CellKey, coefficient: Double)], lower: Double?, upper: Double?, origin: Origin) {
        self.terms = terms
        self.lower = lower
        self.upper = upper
        self.origin = origin
    }

    /// Every relation an attacker can read off a publication (issue 22, item 2).
    /// `involvingUnpublished`: only those with a cell not published here
    /// (the others hold between known numbers and pin nothing).
    public static func all(in publication: Publication, involvingUnpublished: Bool = false) -> [LinearRelation] {
        let s = publication.structure
        var out = Relations(publication: publication, involvingUnpublished: involvingUnpublished)
        func present(_ key: CellKey) -> Bool {
            switch publication[key] {
            case .value, .suppressed: return true
            case .missing, .notApplicable: return false
            }
        }
        for table in s.tables {
            let rows = table.rows(s)
            for year in s.years {
                if table.isCount {
                    if let total = table.total {
                        for row in rows {
                            let cells = [CellKey(table.code, row, total, year)] + table.parts.map { CellKey(table.code, row, $0, year) }
                            // A breakdown with a part not delivered says nothing about the rest.
                            guard cells.allSatisfy(present) else { continue }
                            out.append(LinearRelation([(cells[0], 1)] + cells.dropFirst().map { ($0, -1) }, lower: 0, upper: 0, origin: .parts))
                        }
                    }
                    if table.level == .districts {
                        for category in table.categories {
                            let city = CellKey(table.code, PublicationStructure.cityRow, category, year)
                            guard present(city) else { continue }
                            // The city value is the sum of the districts that delivered (IndicatorValues.citySum).
                            let districts = s.districts.map { CellKey(table.code, $0, category, year) }.filter(present)
                            guard !districts.isEmpty else { continue }
                            out.append(LinearRelation([(city, 1)] + districts.map { ($0, -1) }, lower: 0, upper: 0, origin: .districts))
                        }
                    }
                    for row in rows {
                        for category in table.categories {
                            let key = CellKey(table.code, row, category, year)
                            guard case .value(let change) = publication.changes[key] ?? .notApplicable else { continue }
                            let previous = CellKey(table.code, row, category, year - 1)
                            out.append(LinearRelation([(key, 1), (previous, -1)], lower: change, upper: change, origin: .change))
                        }
                    }
                } else if table.isRate {
                    let scale = table.unit.scale
                    let half = 0.5 / pow10(table.decimals)
                    for row in rows {
                        for category in table.categories {
                            let key = CellKey(table.code, row, category, year)
                            guard case .value(let rate) = publication[key], let (n, d) = s.rateParts(table, key), n != d else { continue }
                            // scale·n / d rounds to `rate`: (rate − half)·d ≤ scale·n ≤ (rate + half)·d, linear in n and d.
                            out.append(LinearRelation([(n, scale), (d, -(rate + half))], lower: nil, upper: 0, origin: .rate))
                            out.append(LinearRelation([(n, scale), (d, -(rate - half))], lower: 0, upper: nil, origin: .rate))
                        }
                    }
                }
            }
        }
        return out.list
    }

    /// The list being built, leaving out relations among published numbers when asked to.
    private struct Relations {
        let publication: Publication
        let involvingUnpublished: Bool
        var list: [LinearRelation] = []

        mutating func append(_ r: LinearRelation) {
            if involvingUnpublished && r.terms.allSatisfy({ publication[$0.cell].number != nil }) { return }
            list.append(r)
        }
    }

    static func pow10(_ n: Int) -> Double { (0..<max(n, 0)).reduce(1.0) { r, _ in r * 10 } }
}
