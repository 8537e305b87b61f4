import WorkbookIO

/// Reads district outlines from a GeoJSON FeatureCollection (RFC 7946:
/// WGS 84 longitude/latitude; Polygon or MultiPolygon geometries). A
/// feature names its district by a number property (`nr`, `nummer`,
/// `number`) or a name property (`name`, `stadtteil`).
public enum GeoJSONDistricts {
    /// Larger files are refused before parsing: a city's districts, even unsimplified, are a few MB.
    public static let maximumBytes = 32 << 20

    static let numberKeys: Set<String> = ["nr", "nummer", "number", "no", "stadtteilnr", "stadtteilnummer"]
    static let nameKeys: Set<String> = ["name", "stadtteil", "bezeichnung", "district"]

    /// The features of `bytes`, projected around the centre of their bounding box.
    public static func features(_ bytes: [UInt8]) throws(GeoJSONError) -> [GeoFeature] {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        let root: JSONValue
        do {
            root = try bytes.withUnsafeBytes { try JSONValue.parse($0) }
        } catch {
            throw .notJSON(String(describing: error))
        }
        guard case .string("FeatureCollection")? = root["type"], case .array(let items)? = root["features"] else {
            throw .notAFeatureCollection
        }
        var raw: [(number: String?, name: String?, polygons: [[[(Double, Double)]]])] = []
        for (index, item) in items.enumerated() {
            guard let geometry = item["geometry"], case .string(let type)? = geometry["type"],
                  case .array(let coordinates)? = geometry["coordinates"] else {
                throw .badFeature(index: index, what: "no geometry")
            }
            let polygons: [JSONValue]
            switch type {
            case "Polygon": polygons = [.array(coordinates)]
            case "MultiPolygon": polygons = coordinates
            default: throw .badFeature(index: index, what: "geometry \(type) is not a Polygon or MultiPolygon")
            }
            var rings: [[[(Double, Double)]]] = []
            for polygon in polygons {
                guard case .array(let ringValues) = polygon else { throw .badFeature(index: index, what: "a polygon is not a list of rings") }
                var polygonRings: [[(Double, Double)]] = []
                for value in ringValues { polygonRings.append(try ring(value, feature: index)) }
                rings.append(polygonRings)
            }
            var number: String?, name: String?
            if case .object(let members)? = item["properties"] {
                for (key, value) in members {
                    let k = NameMatching.key(key)
                    if numberKeys.contains(k), number == nil { number = text(value) }
                    if nameKeys.contains(k), name == nil { name = text(value) }
                }
            }
            raw.append((number, name, rings))
        }
        let all = raw.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        guard let first = all.first else { throw .noFeatures }
        var lo = first, hi = first
        for (x, y) in all {
            lo = (min(lo.0, x), min(lo.1, y))
            hi = (max(hi.0, x), max(hi.1, y))
        }
        let projection = MapProjection(longitude: (lo.0 + hi.0) / 2, latitude: (lo.1 + hi.1) / 2)
        return raw.map { entry in
            GeoFeature(number: entry.number, name: entry.name, shape: DistrictShape(polygons: entry.polygons.map { polygon in
                polygon.map { $0.map { projection.project(longitude: $0.0, latitude: $0.1) } }
            }))
        }
    }

    private static func ring(_ value: JSONValue, feature: Int) throws(GeoJSONError) -> [(Double, Double)] {
        guard case .array(let positions) = value else { throw .badFeature(index: feature, what: "a ring is not a list of positions") }
        var points: [(Double, Double)] = []
        for position in positions {
            guard case .array(let pair) = position, pair.count >= 2, case .number(let lon) = pair[0], case .number(let lat) = pair[1],
                  (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw .badFeature(index: feature, what: "a position is not [longitude, latitude] in degrees")
            }
            points.append((lon, lat))
        }
        // RFC 7946, 3.1.6: a ring repeats its first position at the end.
        if points.count > 1, let a = points.first, let b = points.last, a == b { points.removeLast() }
        guard points.count >= 3 else { throw .badFeature(index: feature, what: "a ring has fewer than 3 positions") }
        return points
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n) where n == n.rounded() && abs(n) < 1e9: return String(Int(n))
        default: return nil
        }
    }
}

/// Why a GeoJSON file gave no outlines.
public enum GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)
    case notJSON(String)
    case notAFeatureCollection
    case noFeatures
    case badFeature(index: Int, what: String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes, more than the \(limit) a district map may have"
        case .notJSON(let what): "not JSON: \(what)"
        case .notAFeatureCollection: "not a GeoJSON FeatureCollection"
        case .noFeatures: "the FeatureCollection has no outlines"
        case .badFeature(let index, let what): "feature \(index + 1): \(what)"
        }
    }
}
