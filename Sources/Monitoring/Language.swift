/// The language of workbooks made for people: German by default.
public enum Language: String, CaseIterable, Sendable {
    case de, en

    /// The text in this language.
    public func callAsFunction(_ german: String, _ english: String) -> String {
        self == .de ? german : english
    }
}
