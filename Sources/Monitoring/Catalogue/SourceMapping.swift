import Spreadsheet

/// How one table the statistics office publishes feeds the catalogue's
/// indicators (the catalogue sheet `Quellen`): how to recognise it, which
/// columns hold the year and the district number, which value stands for
/// the whole city, which column feeds which indicator and category, what
/// its markers mean, and which department the values are attributed to.
///
/// Example: KISS-MD's table `K3_T41` (foreign residents per Stadtteil) has
/// the year in column A, the Stadtteil number in B (`15003` for the city)
/// and the count in C, which feeds `W01`'s category `nichtdeutsch`.
public struct SourceMapping: Hashable, Sendable {
    /// The table's id as the file names it: in the column headed
    /// `idHeader` of every row, or as the prefix of its headers (`K3_T41_var1`).
    public var table: String
    /// The header of the column that carries the table id (KISS-MD: `tabelle`).
    public var idHeader: String
    /// The department (data provider) the values are attributed to.
    public var department: String
    /// 0-based columns of the year and of the district number.
    public var yearColumn: Int
    public var districtColumn: Int
    /// The district number that stands for the whole city (KISS-MD: the
    /// municipality key `15003`).
    public var cityKey: String
    /// How many columns the table has, when the mapping states it: a file
    /// of another width has changed its layout and is not imported.
    public var columnCount: Int?
    /// What the table's own markers mean, as the standard markers.
    public var markers: [SourceMarker]
    public var columns: [SourceColumn]
    /// Free text: what the columns mean and how that was established.
    public var note: String

    public init(table: String, idHeader: String = "tabelle", department: String, yearColumn: Int, districtColumn: Int,
                cityKey: String, columnCount: Int? = nil, markers: [SourceMarker] = SourceMarker.standard,
                columns: [SourceColumn], note: String = "") {
        self.table = table
        self.idHeader = idHeader
        self.department = department
        self.yearColumn = yearColumn
        self.districtColumn = districtColumn
        self.cityKey = cityKey
        self.columnCount = columnCount
        self.markers = markers
        self.columns = columns
        self.note = note
    }

    /// The standard marker a cell's text stands for, if it is one of the table's markers.
    public func marker(for text: String) -> StatisticalMarker? {
        markers.first { $0.text == text }?.meaning
    }
}

/// One column of a source table and the indicator category it feeds.
public struct SourceColumn: Hashable, Sendable {
    /// 0-based column.
    public var column: Int
    /// The header the column must carry (`K3_T41_var3`), checked on import.
    public var header: String?
    public var indicator: String
    public var category: String

    public init(column: Int, header: String? = nil, indicator: String, category: String) {
        self.column = column
        self.header = header
        self.indicator = indicator
        self.category = category
    }

    /// The column's letter (`C`).
    public var letter: String { CellReference.columnName(column) }
}

/// A marker as a source table writes it, and the standard marker it means.
public struct SourceMarker: Hashable, Sendable {
    public var text: String
    public var meaning: StatisticalMarker

    public init(_ text: String, _ meaning: StatisticalMarker) {
        self.text = text
        self.meaning = meaning
    }

    /// `.` confidential, `-` nothing, `x` not applicable: the usage of the
    /// German statistical offices, and KISS-MD's.
    public static let standard = StatisticalMarker.allCases.map { SourceMarker($0.rawValue, $0) }
}
