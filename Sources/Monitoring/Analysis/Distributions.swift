import Foundation

/// The few distribution functions the assessment needs — beta, gamma
/// (hence χ² and Poisson) and Student's t — with their quantiles, computed
/// from the regularized incomplete beta and gamma functions.
///
/// The functions follow Numerical Recipes (3rd ed., 6.2 and 6.4): the
/// series and Lentz's continued fraction. Quantiles are found by bisection,
/// which is slow (about 100 evaluations) but cannot fail to converge; the
/// report needs a few thousand of them.
public enum Distributions {
    /// The regularized lower incomplete gamma function P(a, x).
    public static func gammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return sum * exp(-x + a * log(x) - lgamma(a))
        }
        return 1 - gammaQContinuedFraction(a, x)
    }

    private static func gammaQContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }

    /// The regularized incomplete beta function I_x(a, b).
    public static func betaI(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logBeta + logPowers)
        // The continued fraction converges quickly only below this point; use the symmetry above it.
        if x < (a + 1) / (a + b + 2) { return front * betaContinuedFraction(a, b, x) / a }
        return 1 - front * betaContinuedFraction(b, a, 1 - x) / b
    }

    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0, d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The p-quantile of the beta distribution with parameters a, b.
    public static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        bisect(lower: 0, upper: 1, target: p) { betaI(a, b, $0) }
    }

    /// The p-quantile of the gamma distribution with shape a and scale 1.
    public static func gammaQuantile(_ p: Double, _ a: Double) -> Double {
        var upper = max(1, a)
        while gammaP(a, upper) < p { upper *= 2 }
        return bisect(lower: 0, upper: upper, target: p) { gammaP(a, $0) }
    }

    /// The distribution function of Student's t with `df` degrees of freedom.
    public static func studentT(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * betaI(df / 2, 0.5, df / (df + t * t))
        return t >= 0 ? 1 - tail : tail
    }

    /// The p-quantile of Student's t with `df` degrees of freedom.
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        var bound = 1.0
        while studentT(bound, df: df) < p || studentT(-bound, df: df) > p { bound *= 2 }
        return bisect(lower: -bound, upper: bound, target: p) { studentT($0, df: df) }
    }

    /// The p-quantile of the standard normal distribution.
    public static func normalQuantile(_ p: Double) -> Double {
        // Φ(x) = (1 + erf(x / √2)) / 2; erf is exact to machine precision in the C library.
        bisect(lower: -40, upper: 40, target: p) { 0.5 * (1 + erf($0 / 2.0.squareRoot())) }
    }

    /// Where an increasing function reaches `target` between two bounds.
    private static func bisect(lower: Double, upper: Double, target: Double, _ f: (Double) -> Double) -> Double {
        var lo = lower, hi = upper
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if f(mid) < target { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
