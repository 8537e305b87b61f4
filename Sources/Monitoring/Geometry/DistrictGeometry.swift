/// The districts' outlines for maps, by district number, with the credit a
/// map drawn from them must show (ODbL for OpenStreetMap data).
public struct DistrictGeometry: Hashable, Sendable {
    public var shapes: [String: DistrictShape]
    /// The line every map made from this geometry carries, e.g. "© OpenStreetMap-Mitwirkende".
    public var attribution: String?
    /// Where the outlines came from: a file name, or "eingebaut" for the built-in Magdeburg shapes.
    public var source: String

    public init(shapes: [String: DistrictShape], attribution: String?, source: String) {
        self.shapes = shapes
        self.attribution = attribution
        self.source = source
    }

    /// The built-in Magdeburg Stadtteile (OpenStreetMap, simplified by
    /// `scripts/simplify-districts`) matched to `districts` by name, so that
    /// renumbered districts keep their outline.
    public static func magdeburg(for districts: [District]) -> (DistrictGeometry, [GeometryProblem]) {
        let projection = MapProjection(longitude: 11.62, latitude: 52.13)
        let features = MagdeburgDistrictShapes.shapes.map { entry in
            GeoFeature(number: nil, name: entry.name, shape: DistrictShape(polygons: entry.polygons.map { polygon in
                polygon.map { ring in
                    ring.split(separator: ",").compactMap { pair -> MapPoint? in
                        let parts = pair.split(separator: " ")
                        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
                        return projection.project(longitude: lon, latitude: lat)
                    }
                }
            }))
        }
        return match(features, to: districts, attribution: "© OpenStreetMap-Mitwirkende", source: builtInSource)
    }

    /// What a catalogue workbook writes for the built-in shapes.
    public static let builtInSource = "eingebaut"

    /// Assigns features to districts by number (when a feature has one) or
    /// by name, and reports every district without exactly one shape and
    /// every feature that fits no district.
    public static func match(_ features: [GeoFeature], to districts: [District], attribution: String?,
                             source: String) -> (DistrictGeometry, [GeometryProblem]) {
        var byNumber: [String: District] = [:]
        var byName: [String: District] = [:]
        for district in districts {
            byNumber[numberKey(district.number)] = district
            byName[NameMatching.key(district.name)] = district
        }
        var found: [String: [Int]] = [:]
        var problems: [GeometryProblem] = []
        for (index, feature) in features.enumerated() {
            let district = feature.number.flatMap { byNumber[numberKey($0)] } ?? feature.name.flatMap { byName[NameMatching.key($0)] }
            guard let district else {
                problems.append(.unknownFeature(index: index, number: feature.number, name: feature.name))
                continue
            }
            found[district.number, default: []].append(index)
        }
        var shapes: [String: DistrictShape] = [:]
        for district in districts {
            let indices = found[district.number] ?? []
            if indices.isEmpty {
                problems.append(.noShape(district: district.number, name: district.name))
            } else if indices.count > 1 {
                problems.append(.severalShapes(district: district.number, name: district.name, count: indices.count))
            } else {
                shapes[district.number] = features[indices[0]].shape
            }
        }
        return (DistrictGeometry(shapes: shapes, attribution: attribution, source: source), problems)
    }

    /// "01" and "1" name the same district.
    static func numberKey(_ number: String) -> String {
        let trimmed = number.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The bounding box of every shape, in metres.
    public var bounds: (min: MapPoint, max: MapPoint)? {
        let points = shapes.values.flatMap { $0.rings.flatMap { $0 } }
        guard let first = points.first else { return nil }
        var lo = first, hi = first
        for p in points {
            lo.x = min(lo.x, p.x); lo.y = min(lo.y, p.y)
            hi.x = max(hi.x, p.x); hi.y = max(hi.y, p.y)
        }
        return (lo, hi)
    }
}

/// One outline read from a GeoJSON file, before it is matched to a district.
public struct GeoFeature: Sendable {
    public var number: String?
    public var name: String?
    public var shape: DistrictShape

    public init(number: String?, name: String?, shape: DistrictShape) {
        self.number = number
        self.name = name
        self.shape = shape
    }
}

/// Why districts and outlines do not fit one to one.
public enum GeometryProblem: Hashable, Sendable {
    case noShape(district: String, name: String)
    case severalShapes(district: String, name: String, count: Int)
    case unknownFeature(index: Int, number: String?, name: String?)
}
