/// How secondary cells are chosen (issue 22, item 4): for each cell the
/// audit finds disclosed, the relation that pins it hardest — the one with
/// the fewest unpublished cells — gives up its smallest published count.
/// Ties go to the smaller cell key, so the choice is deterministic. The
/// builder repeats audit and choice until the audit passes.
enum SecondarySuppression {
    /// Published counts to hide next, for the disclosed cells `targets`.
    static func choose(for targets: [CellKey], in publication: Publication, counts: [CellKey: Double], fixed: Set<CellKey>) -> Set<CellKey> {
        // Only relations with an unpublished cell can pin a hidden one.
        let relations = LinearRelation.all(in: publication, involvingUnpublished: true)
        var byCell: [CellKey: [Int]] = [:]
        for (n, r) in relations.enumerated() { for t in r.terms { byCell[t.cell, default: []].append(n) } }
        func hideable(_ key: CellKey) -> Double? {
            guard !fixed.contains(key), case .value(let v) = publication[key], v > 0, counts[key] != nil else { return nil }
            return v
        }
        let open = relations.map { r in r.terms.filter { publication[$0.cell].number == nil }.count }
        func unpublished(_ r: Int) -> Int { open[r] }

        var chosen: Set<CellKey> = []
        for target in targets.sorted() {
            // Breadth first from the target through hidden cells: the nearest relation with a cell to give.
            var frontier = [target], seen: Set<CellKey> = [target], seenRelations: Set<Int> = []
            search: while !frontier.isEmpty {
                var next: [CellKey] = []
                for cell in frontier {
                    let rs = (byCell[cell] ?? []).filter { !seenRelations.contains($0) }.sorted { (unpublished($0), $0) < (unpublished($1), $1) }
                    for r in rs {
                        seenRelations.insert(r)
                        let candidates = relations[r].terms.compactMap { t in hideable(t.cell).map { (t.cell, $0) } }
                        if let best = candidates.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
                            chosen.insert(best.0)
                            break search
                        }
                        for t in relations[r].terms where publication[t.cell].number == nil && !seen.contains(t.cell) {
                            seen.insert(t.cell)
                            next.append(t.cell)
                        }
                    }
                }
                frontier = next
            }
        }
        return chosen
    }
}
