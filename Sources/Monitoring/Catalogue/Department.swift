/// A data provider: a department of the administration (Amt) or an
/// external partner of the integration network.
public struct Department: Hashable, Sendable {
    /// `50`, `51`, `BA` …
    public var code: String
    public var name: String
    public var contact: String?

    public init(code: String, name: String, contact: String? = nil) {
        self.code = code
        self.name = name
        self.contact = contact
    }
}
