/// A statistical district (Stadtteil) of the city.
public struct District: Hashable, Sendable {
    /// The official number as text, with its leading zero (`01`).
    public var number: String
    public var name: String
    /// A larger area the district belongs to, when the catalogue names one.
    public var area: String?
    /// What the catalogue says about the entry: how its number was
    /// established, or that it could not be.
    public var note: String?

    public init(number: String, name: String, area: String? = nil, note: String? = nil) {
        self.number = number
        self.name = name
        self.area = area
        self.note = note
    }
}
