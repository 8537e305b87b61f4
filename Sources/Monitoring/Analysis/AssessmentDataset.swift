/// One table of assessments in the shape of a JSON-stat 2.0 dataset
/// (issue 23, item 7): named dimensions with their category ids in order,
/// and the values in row-major order over them (the last dimension varies
/// fastest, as JSON-stat's `value` array). A missing value is nil and
/// carries a status symbol (`-`: not assessed). A JSON-stat writer renders
/// it without knowing what the figures mean.
public struct AssessmentDataset: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public var id: String
        public var label: String
        /// Category ids with their labels, in order.
        public var categories: [Category]

        public init(id: String, label: String, categories: [Category]) {
            self.id = id
            self.label = label
            self.categories = categories
        }
    }

    public struct Category: Sendable, Equatable {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The dataset's `extension.name`: `marks`, `status`, `goals`.
    public var name: String
    public var label: String
    public var dimensions: [Dimension]
    /// Row-major over `dimensions`; count is the product of their sizes.
    public var values: [Double?]
    /// Index into `values` → status symbol, for the values that are nil.
    public var status: [Int: String]

    /// The status symbol of a value that is not assessed.
    public static let notAssessed = "-"

    public var size: [Int] { dimensions.map(\.categories.count) }

    /// The value at the given category ids, one per dimension; nil when absent or out of the table.
    public func value(_ ids: [String]) -> Double?? {
        guard let i = index(ids) else { return nil }
        return .some(values[i])
    }

    /// Position in `values` of the given category ids, one per dimension.
    public func index(_ ids: [String]) -> Int? {
        guard ids.count == dimensions.count else { return nil }
        var index = 0
        for (d, id) in zip(dimensions, ids) {
            guard let k = d.categories.firstIndex(where: { $0.id == id }) else { return nil }
            index = index * d.categories.count + k
        }
        return index
    }

    /// Builds the table by asking `value` for every combination of categories.
    public init(name: String, label: String, dimensions: [Dimension], value: ([String]) -> Double?) {
        self.name = name
        self.label = label
        self.dimensions = dimensions
        var values: [Double?] = []
        var status: [Int: String] = [:]
        var ids: [[String]] = [[]]
        for d in dimensions { ids = ids.flatMap { prefix in d.categories.map { prefix + [$0.id] } } }
        if dimensions.contains(where: { $0.categories.isEmpty }) { ids = [] }
        for combination in ids {
            let v = value(combination)
            if v == nil { status[values.count] = Self.notAssessed }
            values.append(v)
        }
        self.values = values
        self.status = status
    }
}
