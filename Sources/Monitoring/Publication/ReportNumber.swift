/// Numbers in English messages: whole numbers without a fraction.
enum ReportNumber {
    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
