/// A statistical district (Stadtteil) of the city.
public struct District: Hashable, Sendable {
    /// The official number as text, with its leading zero (`01`).
    public var number: String
    public var name: String
    /// A larger area the district belongs to, when the catalogue names one.
    public var area: String?

    public init(number: String, name: String, area: String? = nil) {
        self.number = number
        self.name = name
        self.area = area
    }
}
