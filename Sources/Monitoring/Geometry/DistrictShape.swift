/// A point of a map in metres east and north of the map's centre.
public struct MapPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One district's outline: polygons, each an outer ring followed by its
/// holes, projected to metres (`MapProjection`).
public struct DistrictShape: Hashable, Sendable {
    public var polygons: [[[MapPoint]]]

    public init(polygons: [[[MapPoint]]]) {
        self.polygons = polygons
    }

    /// Every ring, outer rings and holes alike (drawn with the even-odd rule).
    public var rings: [[MapPoint]] { polygons.flatMap { $0 } }

    /// The number of points, for keeping maps small.
    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }

    /// A point inside the district, for a mark drawn on it: the middle of
    /// the widest stretch inside the largest polygon (holes left out) along
    /// the line across its middle. Unlike the centroid, it cannot fall
    /// outside a bent or hollow district.
    public var markPoint: MapPoint? {
        let largest = polygons.max { Self.area($0.first ?? []) < Self.area($1.first ?? []) }
        guard let polygon = largest, let outer = polygon.first, !outer.isEmpty else { return nil }
        let ys = outer.map(\.y)
        guard let low = ys.min(), let high = ys.max() else { return nil }
        // Just off the exact middle, so that the line meets no vertex.
        let y = (low + high) / 2 + (high - low) * 1e-7
        var crossings: [Double] = []
        for ring in polygon where ring.count > 1 {
            for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.y <= y) != (b.y <= y) {
                crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
            }
        }
        crossings.sort()
        var best: (from: Double, to: Double)?
        for k in stride(from: 0, to: crossings.count - 1, by: 2) where crossings[k + 1] - crossings[k] > (best.map { $0.to - $0.from } ?? -1) {
            best = (crossings[k], crossings[k + 1])
        }
        return best.map { MapPoint(x: ($0.from + $0.to) / 2, y: y) }
    }

    /// The area a ring encloses (shoelace formula), whichever way it runs.
    static func area(_ ring: [MapPoint]) -> Double {
        guard ring.count > 2 else { return 0 }
        var twice = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) { twice += a.x * b.y - b.x * a.y }
        return abs(twice) / 2
    }
}
