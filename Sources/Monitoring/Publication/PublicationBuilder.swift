/// Turns true counts into a protected publication (issue 22): primary
/// suppression, the earlier reports' pattern, secondary suppression until
/// the LP audit passes, then rates and changes following their counts.
public struct PublicationBuilder: Sendable {
    public var structure: PublicationStructure
    /// True counts of the count tables; district-level city cells are the sum of the districts.
    public private(set) var counts: [CellKey: Double]
    /// Values of indicators that are neither counts nor rates (euro, index): published as they are.
    public var others: [CellKey: Double]
    public var earlier: [Publication]
    public var options: ProtectionOptions

    public init(structure: PublicationStructure, counts: [CellKey: Double], others: [CellKey: Double] = [:],
                earlier: [Publication] = [], options: ProtectionOptions = .full) {
        self.structure = structure
        self.others = others
        self.earlier = earlier
        self.options = options
        var counts = counts
        // The city value of a count is the sum of the districts that delivered (IndicatorValues.citySum).
        for table in structure.tables where table.isCount && table.level == .districts {
            for year in structure.years {
                for category in table.categories {
                    let values = structure.districts.compactMap { counts[CellKey(table.code, $0, category, year)] }
                    if !values.isEmpty { counts[CellKey(table.code, PublicationStructure.cityRow, category, year)] = values.reduce(0, +) }
                }
            }
        }
        self.counts = counts
    }

    /// The observations of `years` as a builder, for a catalogue's report.
    public init(catalogue: Catalogue, table: ObservationTable, reportYear: Int, years: [Int],
                earlier: [Publication] = [], options: ProtectionOptions = .full) {
        let structure = PublicationStructure(catalogue: catalogue, reportYear: reportYear, years: years)
        let values = IndicatorValues(catalogue: catalogue, table: table)
        var counts: [CellKey: Double] = [:], others: [CellKey: Double] = [:]
        for t in structure.tables where !t.isRate {
            guard let indicator = catalogue.indicator(t.code) else { continue }
            for year in years {
                for category in t.categories {
                    for row in t.rows(structure) {
                        let v = row == PublicationStructure.cityRow ? values.city(indicator, year, category)
                                                                   : values.district(indicator, year, row, category)
                        if let v { if t.isCount { counts[CellKey(t.code, row, category, year)] = v } else { others[CellKey(t.code, row, category, year)] = v } }
                    }
                }
            }
        }
        self.init(structure: structure, counts: counts, others: others, earlier: earlier, options: options)
    }

    /// The protected publication and its passing audit.
    public func build() throws(PublicationError) -> (Publication, DisclosureAudit) {
        var hidden: [CellKey: SuppressionKind] = [:]
        var fixed: Set<CellKey> = []
        var carried = 0
        for key in counts.keys.sorted() {
            guard let table = structure.table(key.indicator), let v = counts[key] else { continue }
            if v > 0 && v < Double(table.minimumCases) && (options.primaryOnCity || key.row != PublicationStructure.cityRow) {
                hidden[key] = .primary
            }
        }
        if options.keepEarlierPattern {
            for e in earlier {
                for (key, figure) in e.values where counts[key] != nil {
                    switch figure {
                    case .value: fixed.insert(key)
                    case .suppressed:
                        if hidden[key] == nil { hidden[key] = .secondary; carried += 1 }
                    case .missing, .notApplicable: break
                    }
                }
            }
            // A cell an earlier report printed stays printed: hiding it now would hide nothing.
            for key in fixed where hidden[key] == .primary { hidden[key] = nil }
        }
        if options.secondary == .perLine { perLine(&hidden) }
        var rounds = 0
        // After the first round only the groups of hidden cells that changed are solved again;
        // the publication handed out is then audited whole.
        var focus: Set<CellKey>? = nil
        while true {
            let publication = assemble(hidden)
            var audit: DisclosureAudit
            do { audit = try DisclosureAudit.run(publication, earlier: earlier, focus: focus) } catch { throw .audit(error) }
            if (audit.passed && focus != nil) || options.secondary != .audited && focus == nil {
                do { audit = try DisclosureAudit.run(publication, earlier: earlier) } catch { throw .audit(error) }
            }
            if audit.passed || options.secondary != .audited {
                var p = publication
                p.statistics = statistics(hidden, carried: carried, rounds: rounds)
                return (p, audit)
            }
            let chosen = SecondarySuppression.choose(for: audit.findings.map(\.cell), in: publication, counts: counts, fixed: fixed)
            guard !chosen.isEmpty else { throw .cannotProtect(audit.findings[0].cell) }
            for key in chosen { hidden[key] = .secondary }
            focus = chosen.union(audit.findings.map(\.cell))
            rounds += 1
        }
    }

    /// The earlier per-line rule, kept as the baseline the audit measures.
    private func perLine(_ hidden: inout [CellKey: SuppressionKind]) {
        for table in structure.tables where table.isCount && table.minimumCases > 0 {
            let rows = table.rows(structure)
            for year in structure.years {
                let grid = rows.map { row in table.categories.map { counts[CellKey(table.code, row, $0, year)] } }
                let cells = Suppression.suppressed(grid, minimumCases: table.minimumCases, totalRow: rows.count - 1,
                                                   totalColumn: table.total == nil ? nil : 0)
                for cell in cells {
                    let key = CellKey(table.code, rows[cell.row], table.categories[cell.column], year)
                    if hidden[key] == nil { hidden[key] = .secondary }
                }
            }
        }
    }

    /// Every figure from the hidden counts: counts, then rates and changes that follow them.
    func assemble(_ hidden: [CellKey: SuppressionKind]) -> Publication {
        var values: [CellKey: Figure] = [:]
        for (key, v) in counts { values[key] = hidden[key].map(Figure.suppressed) ?? .value(v) }
        for (key, v) in others { values[key] = .value(v) }
        for table in structure.tables where table.isRate {
            let factor = LinearRelation.pow10(table.decimals)
            for year in structure.years {
                for row in table.rows(structure) {
                    for category in table.categories {
                        let key = CellKey(table.code, row, category, year)
                        guard let (n, d) = structure.rateParts(table, key), let top = counts[n], let bottom = counts[d] else { continue }
                        if bottom <= 0 { values[key] = .notApplicable; continue }
                        if bottom < Double(table.minimumDenominator) { values[key] = .suppressed(.primary); continue }
                        if options.hideRatesOfHiddenCounts && (hidden[n] != nil || hidden[d] != nil) { values[key] = .suppressed(.primary); continue }
                        values[key] = .value((top / bottom * table.unit.scale * factor).rounded() / factor)
                    }
                }
            }
        }
        var changes: [CellKey: Figure] = [:]
        for table in structure.tables where table.isCount || table.isRate {
            let factor = LinearRelation.pow10(table.decimals)
            for year in structure.years.dropFirst() where structure.years.contains(year - 1) {
                for row in table.rows(structure) {
                    for category in table.categories {
                        let key = CellKey(table.code, row, category, year), previous = CellKey(table.code, row, category, year - 1)
                        switch (values[key] ?? .missing, values[previous] ?? .missing) {
                        case (.value(let now), .value(let before)):
                            changes[key] = .value(((now - before) * factor).rounded() / factor)
                        case (.suppressed, .value), (.value, .suppressed), (.suppressed, .suppressed):
                            if options.changesOnlyWhereBothPublished || !table.isCount {
                                changes[key] = .suppressed(.primary)
                            } else if let now = counts[key], let before = counts[previous] {
                                changes[key] = .value(now - before)
                            }
                        default:
                            changes[key] = .missing
                        }
                    }
                }
            }
        }
        return Publication(structure: structure, values: values, changes: changes)
    }

    private func statistics(_ hidden: [CellKey: SuppressionKind], carried: Int, rounds: Int) -> SuppressionStatistics {
        var s = SuppressionStatistics()
        s.carriedOver = carried
        s.rounds = rounds
        for (key, v) in counts {
            s.countCells += 1
            s.persons += v
            switch hidden[key] {
            case .primary?: s.primary += 1; s.hiddenPersons += v
            case .secondary?: s.secondary += 1; s.hiddenPersons += v
            case nil: s.published += 1
            }
        }
        return s
    }
}
