import Monitoring

/// Places projected district outlines in a drawing area: scaled to a
/// width, north up, the aspect kept.
public struct MapFrame: Sendable {
    public var width: Double
    public var height: Double
    let minX: Double
    let maxY: Double
    let scale: Double

    /// A frame `width` units wide around every area of `map`; nil for a map without areas.
    public init?(_ map: DistrictMap, width: Double) {
        self.init(points: map.areas.flatMap { $0.shape.rings.flatMap { $0 } }, width: width)
    }

    /// A frame around every outline of `geometry`, the same for every map drawn from it.
    public init?(_ geometry: DistrictGeometry, width: Double) {
        self.init(points: geometry.shapes.values.flatMap { $0.rings.flatMap { $0 } }, width: width)
    }

    init?(points: [MapPoint], width: Double) {
        guard let first = points.first else { return nil }
        var lo = first, hi = first
        for p in points {
            lo.x = min(lo.x, p.x); lo.y = min(lo.y, p.y)
            hi.x = max(hi.x, p.x); hi.y = max(hi.y, p.y)
        }
        let spanX = max(hi.x - lo.x, 1), spanY = max(hi.y - lo.y, 1)
        self.width = width
        scale = width / spanX
        height = spanY * scale
        minX = lo.x
        maxY = hi.y
    }

    /// The drawing position of a point: x to the right, y down.
    public func place(_ p: MapPoint) -> (x: Double, y: Double) {
        ((p.x - minX) * scale, (maxY - p.y) * scale)
    }
}
