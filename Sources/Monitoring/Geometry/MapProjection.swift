/// A local equirectangular projection around a city's centre: longitude
/// scaled by the cosine of the centre's latitude. Over a city's 20 km the
/// distortion stays far below a printed map's line width, and unlike UTM it
/// needs no zone.
public struct MapProjection: Sendable, Equatable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Metres per degree of latitude (WGS 84, mean over the mid latitudes).
    static let metresPerDegree = 111_320.0

    /// Metres east and north of the centre.
    public func project(longitude lon: Double, latitude lat: Double) -> MapPoint {
        let k = Self.metresPerDegree
        return MapPoint(x: (lon - longitude) * k * cosine(latitude * .pi / 180), y: (lat - latitude) * k)
    }
}

/// The cosine without Foundation (the module imports none): a Taylor series
/// after reducing to [-π, π]; exact to 1e-12 over that range, which is all a
/// map of a city needs.
func cosine(_ x: Double) -> Double {
    var r = x.truncatingRemainder(dividingBy: 2 * .pi)
    if r > .pi { r -= 2 * .pi } else if r < -.pi { r += 2 * .pi }
    let r2 = r * r
    var term = 1.0, sum = 1.0
    for n in stride(from: 2, through: 40, by: 2) {
        term *= -r2 / Double((n - 1) * n)
        sum += term
    }
    return sum
}
