/// The trend of a series of yearly values: the least-squares slope with its
/// 90 % interval (Student's t on n − 2 degrees of freedom), and a class only
/// where the interval says something.
///
/// Three points leave one degree of freedom and an interval as wide as the
/// data allow nothing from; the Länder monitoring speaks of a trend only
/// from a few more years, so a class needs `minimumYears`.
public struct TrendEstimate: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable {
        case rising, falling
        /// The interval of the slope contains 0.
        case noClearDirection
        /// Fewer than `minimumYears` values.
        case tooShort
    }

    /// A trend class needs at least this many yearly values.
    public static let minimumYears = 4
    /// The confidence level of the slope's interval.
    public static let level = 0.90

    public var years: Int
    /// Change per year; nil for fewer than two values.
    public var slope: Double?
    public var slopeInterval: RateInterval?
    public var direction: Direction
    /// x̄, ȳ, Σ(x − x̄)², residual variance: what a projection needs.
    private var fit: (meanX: Double, meanY: Double, sxx: Double, residualVariance: Double, t: Double)?

    public static func == (a: TrendEstimate, b: TrendEstimate) -> Bool {
        a.years == b.years && a.slope == b.slope && a.slopeInterval == b.slopeInterval && a.direction == b.direction
    }

    /// Fits a line through `(year, value)` points.
    public init(_ points: [(year: Int, value: Double)]) {
        years = points.count
        guard points.count >= 2 else { direction = .tooShort; return }
        let n = Double(points.count)
        let mx = points.map { Double($0.year) }.reduce(0, +) / n
        let my = points.map(\.value).reduce(0, +) / n
        let sxx = points.map { (Double($0.year) - mx) * (Double($0.year) - mx) }.reduce(0, +)
        let sxy = points.map { (Double($0.year) - mx) * ($0.value - my) }.reduce(0, +)
        guard sxx > 0 else { direction = .tooShort; return }
        let b = sxy / sxx
        slope = b
        guard points.count >= TrendEstimate.minimumYears else { direction = .tooShort; return }
        let a = my - b * mx
        let ssr = points.map { let r = $0.value - (a + b * Double($0.year)); return r * r }.reduce(0, +)
        let variance = ssr / (n - 2)
        let t = Distributions.studentTQuantile(1 - (1 - TrendEstimate.level) / 2, df: n - 2)
        let half = t * (variance / sxx).squareRoot()
        slopeInterval = RateInterval(lower: b - half, upper: b + half)
        fit = (mx, my, sxx, variance, t)
        direction = b - half > 0 ? .rising : (b + half < 0 ? .falling : .noClearDirection)
    }

    /// The value of the fitted line in `year` with the 90 % interval of the
    /// line there (ŷ ± t·s·√(1/n + (x − x̄)²/Sxx)); nil without a trend.
    public func projection(to year: Int) -> (value: Double, interval: RateInterval)? {
        guard let fit, let slope else { return nil }
        let x = Double(year)
        let value = fit.meanY + slope * (x - fit.meanX)
        let half = fit.t * (fit.residualVariance * (1 / Double(years) + (x - fit.meanX) * (x - fit.meanX) / fit.sxx)).squareRoot()
        return (value, RateInterval(lower: value - half, upper: value + half))
    }
}
