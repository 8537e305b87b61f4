import XCTest
@testable import Monitoring

/// The intervals and quantiles against reference values computed once with
/// scipy 1.x (the expression that gave each is in the comment beside it).
final class RateIntervalTests: XCTestCase {
    func testClopperPearsonEqualsScipy() throws {
        // scipy.stats.binomtest(k, n).proportion_ci(0.95, method='exact') × 100
        let cases: [(Double, Double, Double, Double)] = [
            (3, 8, 8.523341413759308, 75.51367836335001),   // B06 nichtdeutsch Lemsdorf: 3 of 8
            (0, 3, 0, 70.75982261787133),
            (1, 1, 2.5000000000000022, 100),
            (60, 200, 23.738964407544677, 36.864987545899885),
            (450, 2500, 16.512167413704995, 19.56317953292797),
            (300, 1000, 27.172111212914874, 32.946167869736506),
        ]
        for (k, n, lower, upper) in cases {
            let i = try XCTUnwrap(RateInterval.share(cases: k, of: n))
            XCTAssertEqual(i.lower, lower, accuracy: 1e-9, "\(k)/\(n)")
            XCTAssertEqual(i.upper, upper, accuracy: 1e-9, "\(k)/\(n)")
        }
        XCTAssertNil(RateInterval.share(cases: 5, of: 4), "more cases than total is no share")
        XCTAssertNil(RateInterval.share(cases: 1, of: 0))
    }

    func testExactPoissonEqualsScipy() throws {
        // scipy.stats.chi2.ppf(0.025, 2k) / 2 and scipy.stats.chi2.ppf(0.975, 2k + 2) / 2
        let cases: [(Double, Double, Double)] = [
            (0, 0, 3.6888794541139354),
            (1, 0.025317807984289876, 5.571643390938898),
            (3, 0.6186721228956014, 8.767273069742323),
            (10, 4.7953886961324335, 18.39035604201778),
            (57, 43.17124336292474, 73.85011140296281),
        ]
        for (k, lower, upper) in cases {
            let i = try XCTUnwrap(RateInterval.events(k, per: 1000))
            XCTAssertEqual(i.lower, lower, accuracy: 1e-9, "\(k)")
            XCTAssertEqual(i.upper, upper, accuracy: 1e-9, "\(k)")
        }
        // 12 naturalisations per 800: chi2.ppf(0.025, 24) / 2 / 800 × 1000, chi2.ppf(0.975, 26) / 2 / 800 × 1000
        let rate = try XCTUnwrap(RateInterval.forRate(.perThousand, numerator: 12, denominator: 800))
        XCTAssertEqual(rate.lower, 7.7507188859027725, accuracy: 1e-9)
        XCTAssertEqual(rate.upper, 26.201981310221203, accuracy: 1e-9)
    }

    func testStudentTAndNormalQuantilesEqualScipy() {
        // scipy.stats.t.ppf(0.95, df)
        for (df, q) in [(1.0, 6.313751514675037), (2, 2.9199855803537242), (3, 2.3533634348018233), (8, 1.8595480375308973)] {
            XCTAssertEqual(Distributions.studentTQuantile(0.95, df: df), q, accuracy: 1e-9, "df \(df)")
        }
        // scipy.stats.norm.ppf(0.975)
        XCTAssertEqual(Distributions.normalQuantile(0.975), 1.959963984540054, accuracy: 1e-9)
    }

    func testTrendNeedsFourYearsAndAnIntervalThatExcludesZero() throws {
        // x = 2003…2007; scipy.stats.linregress(x, y): slope ± t.ppf(0.95, 3) × stderr;
        // projection to 2010: ŷ ± t·s·√(1/n + (2010 − x̄)²/Sxx), s² = Σ residuals² / (n − 2).
        let rising = TrendEstimate([(2003, 10.0), (2004, 10.8), (2005, 11.1), (2006, 12.0), (2007, 12.4)])
        XCTAssertEqual(try XCTUnwrap(rising.slope), 0.6, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(rising.slopeInterval?.lower), 0.48470920810823953, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(rising.slopeInterval?.upper), 0.7152907918917607, accuracy: 1e-9)
        XCTAssertEqual(rising.direction, .rising)
        let projection = try XCTUnwrap(rising.projection(to: 2010))
        XCTAssertEqual(projection.value, 14.26, accuracy: 1e-9)
        XCTAssertEqual(projection.interval.lower, 13.660931472395584, accuracy: 1e-9)
        XCTAssertEqual(projection.interval.upper, 14.859068527604398, accuracy: 1e-9)

        let noisy = TrendEstimate([(2003, 10.0), (2004, 12), (2005, 9), (2006, 11.5), (2007, 10.2)])
        XCTAssertEqual(try XCTUnwrap(noisy.slopeInterval?.lower), -1.0475281642677645, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(noisy.slopeInterval?.upper), 1.027528164267764, accuracy: 1e-9)
        XCTAssertEqual(noisy.direction, .noClearDirection)

        let falling = TrendEstimate([(2004, 9.0), (2005, 8.0), (2006, 7.1), (2007, 5.9)])
        XCTAssertEqual(falling.direction, .falling)

        // A drop followed by two rises (V04's shape) has a slope but, on three years, no class.
        let short = TrendEstimate([(2005, 40.0), (2006, 17), (2007, 45)])
        XCTAssertEqual(short.direction, .tooShort)
        XCTAssertNil(short.projection(to: 2010))
    }
}
