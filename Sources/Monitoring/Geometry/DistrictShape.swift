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
}
