/// The id that ties a filled-in workbook to its department, reporting year
/// and the catalogue it was made from: `IMON-50-2005-3F2A91C0`. The last
/// part is a fingerprint of what the template asks for (indicators, their
/// categories, districts), so a workbook from an older catalogue is noticed.
public struct TemplateID: Hashable, Sendable, CustomStringConvertible {
    public var department: String
    public var year: Int
    public var fingerprint: String

    public init(department: String, year: Int, catalogue: Catalogue) {
        self.department = department
        self.year = year
        self.fingerprint = TemplateID.fingerprint(of: catalogue, department: department)
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count >= 4, parts[0] == "IMON", let year = Int(parts[parts.count - 2]) else { return nil }
        department = parts[1..<(parts.count - 2)].joined(separator: "-")
        self.year = year
        fingerprint = parts[parts.count - 1]
    }

    public var description: String { "IMON-\(department)-\(year)-\(fingerprint)" }

    /// A fingerprint of what the department's template asks for.
    static func fingerprint(of catalogue: Catalogue, department: String) -> String {
        var hash = Fingerprint()
        for indicator in catalogue.submittedIndicators(of: department) {
            hash.mix(indicator.code)
            indicator.categories.forEach { hash.mix($0) }
            hash.mix(indicator.level.rawValue)
        }
        for district in catalogue.districts { hash.mix(district.number); hash.mix(district.name) }
        return hash.hex
    }
}

extension Catalogue {
    /// A fingerprint of everything observations depend on: indicators with
    /// their categories and levels, and the districts.
    public var fingerprint: String {
        var hash = Fingerprint()
        for i in indicators {
            hash.mix(i.code); hash.mix(i.department); i.categories.forEach { hash.mix($0) }; hash.mix(i.level.rawValue)
        }
        for d in districts { hash.mix(d.number); hash.mix(d.name) }
        return hash.hex
    }
}

/// FNV-1a over a sequence of texts, each ended by a separator, as 8 hex digits.
struct Fingerprint {
    private var hash: UInt32 = 2_166_136_261

    mutating func mix(_ text: String) {
        for b in text.utf8 { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        hash = (hash ^ 0x1F) &* 16_777_619
    }

    var hex: String {
        let digits = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
