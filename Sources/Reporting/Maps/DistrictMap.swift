import Monitoring
import Spreadsheet

/// A choropleth map of the districts, independent of the output format:
/// one area per district with its class, a legend that names every fill
/// (suppressed and not-assessed districts included), how the classes were
/// formed, and the credit the geometry's licence asks for. `SVGMap` draws
/// it for HTML, `MapDrawing` as vector shapes for workbooks.
public struct DistrictMap: Sendable {
    /// How an area is filled: a class colour, or one of the two states that must never look like a value.
    public enum Fill: Hashable, Sendable {
        case colour(RGBColor)
        /// Hidden by disclosure control: hatched.
        case suppressed
        /// No figure or not assessed (too few residents, no delivery): plain light grey.
        case notAssessed
    }

    /// One district as drawn.
    public struct Area: Sendable {
        public var number: String
        public var name: String
        public var shape: DistrictShape
        /// Index into `legend`.
        public var legendIndex: Int
        /// The value or class in words, for the tooltip: "12,5 %", "ungünstig, verschlechternd", "gesperrt".
        public var valueText: String
        /// Drawn with a ring-shaped mark on it (`DistrictMap.mark` says what it means).
        public var isMarked = false
    }

    /// One line of the legend.
    public struct LegendEntry: Hashable, Sendable {
        public var fill: Fill
        public var label: String
    }

    public var title: String
    public var areas: [Area]
    public var legend: [LegendEntry]
    /// How the classes were formed ("5 Klassen gleicher Besetzung (Quintile) …").
    public var classification: String
    public var attribution: String?
    /// What the mark on a district means, for the legend; nil on maps without marks.
    public var mark: String?

    public init(title: String, areas: [Area], legend: [LegendEntry], classification: String, attribution: String?) {
        self.title = title
        self.areas = areas
        self.legend = legend
        self.classification = classification
        self.attribution = attribution
    }

    public func fill(_ area: Area) -> Fill { legend[area.legendIndex].fill }

    /// A map with one class per district as given: `classOf` returns the
    /// legend index and the tooltip text, nil for a district not assessed.
    /// Districts without an outline are left out; the catalogue check
    /// already reported them.
    public static func categorical(title: String, catalogue: Catalogue, geometry: DistrictGeometry, legend: [LegendEntry],
                                   classification: String, language: Language,
                                   classOf: (District) -> (index: Int, text: String)?) -> DistrictMap {
        var entries = legend
        let notAssessed = language("nicht bewertet", "not assessed")
        var notAssessedIndex: Int?
        var areas: [Area] = []
        for district in catalogue.districts {
            guard let shape = geometry.shapes[district.number] else { continue }
            if let (index, text) = classOf(district) {
                areas.append(Area(number: district.number, name: district.name, shape: shape, legendIndex: index, valueText: text))
            } else {
                if notAssessedIndex == nil {
                    notAssessedIndex = entries.firstIndex { $0.fill == .notAssessed } ?? {
                        entries.append(LegendEntry(fill: .notAssessed, label: notAssessed))
                        return entries.count - 1
                    }()
                }
                areas.append(Area(number: district.number, name: district.name, shape: shape, legendIndex: notAssessedIndex ?? 0,
                                  valueText: notAssessed))
            }
        }
        // The OpenStreetMap credit in the report's language (both wordings are the ones osm.org/copyright gives).
        let credit = geometry.attribution == "© OpenStreetMap-Mitwirkende" ? language("© OpenStreetMap-Mitwirkende", "© OpenStreetMap contributors")
            : geometry.attribution
        return DistrictMap(title: title, areas: areas, legend: entries, classification: classification, attribution: credit)
    }

    /// The tooltip of an area: "Buckau: 12,5 %".
    public func tooltip(_ area: Area) -> String { "\(area.number) \(area.name): \(area.valueText)" }
}
