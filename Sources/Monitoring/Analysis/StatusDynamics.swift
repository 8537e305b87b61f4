/// Status and dynamics of each district within a field of action, as
/// German social-monitoring reports compute them: the mean of the
/// direction-adjusted z-scores of the levels (status) and of the changes on
/// the previous year (dynamics), over the field's indicators with a
/// direction. Positive is favourable.
public struct StatusDynamics: Sendable, Equatable {
    public enum Class: String, Sendable {
        /// Favourable status, improving.
        case stableGood = "günstig, stabil oder besser"
        /// Favourable status, getting worse.
        case goodDeclining = "günstig, verschlechternd"
        /// Unfavourable status, improving.
        case poorImproving = "ungünstig, verbessernd"
        /// Unfavourable status, getting worse: needs attention first.
        case poorDeclining = "ungünstig, verschlechternd"
    }

    public var district: String
    public var field: Int
    public var status: Double
    public var dynamics: Double?
    /// How many of the field's indicators flag this district.
    public var flags: Int

    public var category: Class {
        let improving = (dynamics ?? 0) >= 0
        switch (status >= 0, improving) {
        case (true, true): return .stableGood
        case (true, false): return .goodDeclining
        case (false, true): return .poorImproving
        case (false, false): return .poorDeclining
        }
    }

    /// Status and dynamics for every district and field, from the
    /// analyses of the first category of each indicator with a direction.
    public static func compute(_ analyses: [IndicatorAnalysis]) -> [StatusDynamics] {
        var levels: [String: [Int: [Double]]] = [:], changes: [String: [Int: [Double]]] = [:], flags: [String: [Int: Int]] = [:]
        for a in analyses where a.indicator.direction != .neutral && a.category == a.indicator.categories.first {
            let sign: Double = a.indicator.direction == .higherIsBetter ? 1 : -1
            let deltas = a.districts.compactMap { f in f.change.map { (f.district, $0) } }
            let mean = deltas.isEmpty ? 0 : deltas.map(\.1).reduce(0, +) / Double(deltas.count)
            let sd = deltas.isEmpty ? 0 : (deltas.map { ($0.1 - mean) * ($0.1 - mean) }.reduce(0, +) / Double(deltas.count)).squareRoot()
            for f in a.districts {
                if let z = f.z { levels[f.district, default: [:]][a.indicator.field, default: []].append(sign * z) }
                if sd > 0, let d = deltas.first(where: { $0.0 == f.district })?.1 {
                    changes[f.district, default: [:]][a.indicator.field, default: []].append(sign * (d - mean) / sd)
                }
                if f.flagged { flags[f.district, default: [:]][a.indicator.field, default: 0] += 1 }
            }
        }
        var out: [StatusDynamics] = []
        for (district, byField) in levels {
            for (field, zs) in byField where !zs.isEmpty {
                let dz = changes[district]?[field] ?? []
                out.append(StatusDynamics(district: district, field: field, status: zs.reduce(0, +) / Double(zs.count),
                                          dynamics: dz.isEmpty ? nil : dz.reduce(0, +) / Double(dz.count),
                                          flags: flags[district]?[field] ?? 0))
            }
        }
        return out.sorted { ($0.field, $0.district) < ($1.field, $1.district) }
    }
}
