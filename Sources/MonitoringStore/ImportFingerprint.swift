import Monitoring
import Spreadsheet

/// What one year of an imported table says, as a hash: indicator,
/// district, category and value or marker of every observation, in a fixed
/// order. One export holds many years, and the city republishes its tables
/// with every year again; a year whose values are the same as the current
/// ones is `unchanged` whatever file brought it, and only a year whose
/// values changed supersedes its earlier version.
enum ImportFingerprint {
    static func of(_ observations: [ObservationValue]) -> String {
        let lines = observations.map { o in
            "\(o.indicator)\u{1F}\(o.district)\u{1F}\(o.category)\u{1F}\(o.value.map(NumberText.shortest) ?? "")\u{1F}\(o.marker ?? "")"
        }.sorted()
        var hash = SHA256()
        for line in lines {
            var text = line + "\u{1E}"
            text.withUTF8 { hash.update(UnsafeRawBufferPointer($0)) }
        }
        return hash.finalize()
    }
}
