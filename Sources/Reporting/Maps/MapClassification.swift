import Monitoring
import Spreadsheet

/// Classes for a numeric choropleth: quantiles of the districts' values
/// (equal numbers of districts per class), the convention of German
/// social-area atlases for skewed rates; breaks are rounded to the figure's
/// decimals so that the legend's ranges are the numbers a reader sees.
public struct MapClassification: Sendable {
    /// Upper bounds of every class but the last, ascending.
    public var breaks: [Double]
    public var decimals: Int

    /// ColorBrewer "Blues", 5 classes: sequential, readable in grey print.
    static let palette: [UInt32] = [0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x3182BD, 0x08519C]

    /// Quantile breaks for up to `classes` classes over `values`; fewer classes when fewer distinct values.
    public init(values: [Double], classes: Int = 5, decimals: Int) {
        self.decimals = decimals
        let factor = Self.power(decimals)
        let sorted = values.map { ($0 * factor).rounded() / factor }.sorted()
        let distinct = Array(Set(sorted)).sorted()
        let count = max(1, min(classes, distinct.count))
        var breaks: [Double] = []
        if count > 1 {
            for k in 1..<count {
                let position = Double(k) / Double(count) * Double(sorted.count - 1)
                let value = sorted[Int(position.rounded(.down))]
                if breaks.last.map({ value > $0 }) ?? true, value < (distinct.last ?? value) { breaks.append(value) }
            }
        }
        self.breaks = breaks
    }

    public var classCount: Int { breaks.count + 1 }

    /// The class of a value: 0 for the lowest.
    public func classIndex(_ value: Double) -> Int {
        let rounded = (value * Self.power(decimals)).rounded() / Self.power(decimals)
        return breaks.firstIndex { rounded <= $0 } ?? breaks.count
    }

    /// Colour of a class, spread over the palette so that 3 classes still span light to dark.
    public func colour(_ index: Int) -> RGBColor {
        let n = classCount
        let position = n == 1 ? 2 : Int((Double(index) / Double(n - 1) * Double(Self.palette.count - 1)).rounded())
        return RGBColor(hex: Self.palette[position])
    }

    /// Legend entries "bis 12,5", "über 12,5 bis 15,0", "über 15,0" with the unit.
    public func legend(min lo: Double, max hi: Double, unit: String, language l: Language) -> [DistrictMap.LegendEntry] {
        func n(_ v: Double) -> String { ReportTexts.number(v, decimals: decimals, language: l) + (unit.isEmpty ? "" : " " + unit) }
        var entries: [DistrictMap.LegendEntry] = []
        for k in 0..<classCount {
            let from = k == 0 ? lo : breaks[k - 1]
            let to = k == breaks.count ? hi : breaks[k]
            let label: String
            if k == 0 {
                label = classCount == 1 ? n(from) + (from == to ? "" : " – " + n(to)) : n(from) + " – " + n(to)
            } else {
                label = l("über ", "over ") + n(from) + l(" bis ", " to ") + n(to)
            }
            entries.append(DistrictMap.LegendEntry(fill: .colour(colour(k)), label: label))
        }
        return entries
    }

    static func power(_ decimals: Int) -> Double { (0..<max(0, decimals)).reduce(1.0) { r, _ in r * 10 } }
}
