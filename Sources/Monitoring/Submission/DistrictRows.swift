/// The district rows of one indicator sheet matched to the catalogue by
/// number and name together. A row is taken only when both say the same
/// district: a sheet whose columns were sorted apart (numbers left in
/// place, names and values sorted) would otherwise put every value on the
/// wrong district without a word.
///
/// Two layouts are recognised as a whole instead of row by row, so that
/// they give one finding and not a cascade of "twice"/"missing":
/// - *names only*: no row carries a number. Names identify a district on
///   their own, so the rows are matched by name (a warning).
/// - *own numbering*: every row is numbered, the numbers are distinct, some
///   are not catalogue numbers at all, and most rows disagree with the
///   catalogue (a department's running 1…40). The numbers then say nothing
///   about the catalogue's districts, so they cannot contradict the names;
///   the rows are matched by name (a warning). A sheet whose numbers are
///   all catalogue numbers is never read this way: there a disagreement is
///   a contradiction and an error.
struct DistrictRows {
    /// One row below the header that is neither empty nor the city total.
    struct Line {
        var row: Int
        var number: String
        var name: String
        var byNumber: District?
        var byName: District?
    }

    /// How the sheet's rows name their districts.
    enum Numbering: Equatable {
        case catalogue, namesOnly, own
    }

    /// What became of one line.
    enum Match {
        case district(District)
        /// Number and name name different districts (or one of them none).
        case mismatch
        /// Neither number nor name is in the catalogue.
        case unknown
    }

    private let byNumber: [String: District]
    private let byName: [String: District]

    init(catalogue: Catalogue) {
        byNumber = Dictionary(catalogue.districts.map { (NameMatching.numberKey($0.number) ?? $0.number, $0) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(catalogue.districts.map { (NameMatching.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
    }

    func line(row: Int, number: String, name: String) -> Line {
        Line(row: row, number: number.trimmed, name: name.trimmed,
             byNumber: NameMatching.numberKey(number).flatMap { byNumber[$0] },
             byName: name.trimmed.isEmpty ? nil : byName[NameMatching.key(name)])
    }

    /// The catalogue's district of a number as typed (`4`, `04`, `4.0`).
    func district(number: String) -> District? { NameMatching.numberKey(number).flatMap { byNumber[$0] } }

    func numbering(_ lines: [Line]) -> Numbering {
        let numbered = lines.filter { !$0.number.isEmpty }
        if numbered.isEmpty { return lines.isEmpty ? .catalogue : .namesOnly }
        guard numbered.count == lines.count else { return .catalogue }
        let keys = numbered.map { NameMatching.numberKey($0.number) ?? $0.number }
        let distinct = Set(keys).count == keys.count
        let foreign = numbered.contains { $0.byNumber == nil }
        let disagreeing = numbered.filter { $0.byName != nil && $0.byName != $0.byNumber }.count
        return distinct && foreign && disagreeing * 2 > numbered.count ? .own : .catalogue
    }

    func match(_ line: Line, numbering: Numbering) -> Match {
        if numbering != .catalogue {
            return line.byName.map(Match.district) ?? .unknown
        }
        switch (line.byNumber, line.byName) {
        case let (number?, name?):
            return number == name ? .district(number) : .mismatch
        case let (number?, nil):
            return line.name.isEmpty ? .district(number) : .mismatch
        case let (nil, name?):
            return line.number.isEmpty ? .district(name) : .mismatch
        case (nil, nil):
            return .unknown
        }
    }
}
