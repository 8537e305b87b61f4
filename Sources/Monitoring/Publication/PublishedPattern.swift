/// What one report made public, as the store keeps it (issue 22, item 5):
/// every published value and change with its number, every suppressed one
/// with its kind. A later report builds on it: what it printed stays
/// printed, what it hid stays hidden, and its numbers are known to the
/// audit's attacker.
public struct PublishedPattern: Sendable, Equatable {
    /// One recorded figure.
    public struct Entry: Sendable, Equatable {
        public enum Measure: String, Sendable { case value, change }
        public var cell: CellKey
        public var measure: Measure
        public var figure: Figure

        public init(cell: CellKey, measure: Measure, figure: Figure) {
            self.cell = cell
            self.measure = measure
            self.figure = figure
        }
    }

    public var reportYear: Int
    /// Published and suppressed figures; missing and not applicable ones are not recorded.
    public var entries: [Entry]

    public init(reportYear: Int, entries: [Entry]) {
        self.reportYear = reportYear
        self.entries = entries
    }

    /// The pattern of a publication, in a deterministic order.
    public init(_ publication: Publication) {
        reportYear = publication.structure.reportYear
        var entries: [Entry] = []
        for (measure, figures) in [(Entry.Measure.value, publication.values), (.change, publication.changes)] {
            for key in figures.keys.sorted() {
                guard let figure = figures[key] else { continue }
                switch figure {
                case .value, .suppressed: entries.append(Entry(cell: key, measure: measure, figure: figure))
                case .missing, .notApplicable: break
                }
            }
        }
        self.entries = entries
    }

    /// The earlier report as a publication over `structure`'s tables, for the builder and the audit.
    public func publication(structure: PublicationStructure) -> Publication {
        var values: [CellKey: Figure] = [:], changes: [CellKey: Figure] = [:]
        for e in entries {
            switch e.measure {
            case .value: values[e.cell] = e.figure
            case .change: changes[e.cell] = e.figure
            }
        }
        var s = structure
        s.reportYear = reportYear
        s.years = Array(Set(entries.map(\.cell.year))).sorted()
        return Publication(structure: s, values: values, changes: changes)
    }
}
