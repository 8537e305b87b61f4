/// A field of action (Handlungsfeld) of the city's integration policy.
public struct FieldOfAction: Hashable, Sendable {
    /// 1 … 7.
    public var code: Int
    public var name: String

    public init(code: Int, name: String) {
        self.code = code
        self.name = name
    }

    /// The seven fields of Magdeburg's integration concept.
    public static let builtIn: [FieldOfAction] = [
        FieldOfAction(code: 1, name: "Wohnen / Interkulturelle Konflikte in der Nachbarschaft"),
        FieldOfAction(code: 2, name: "Politische Teilhabe"),
        FieldOfAction(code: 3, name: "Bildung"),
        FieldOfAction(code: 4, name: "Jugend und Soziales"),
        FieldOfAction(code: 5, name: "Beruf und Arbeit"),
        FieldOfAction(code: 6, name: "Kultur und Religion"),
        FieldOfAction(code: 7, name: "Interkulturelle Öffnung der Regelangebote / Interkulturelles Personalmanagement / Öffentlichkeitsarbeit"),
    ]
}
