import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
@testable import Monitoring

final class DistrictGeometryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-geo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private let districts = [District(number: "01", name: "Altstadt"), District(number: "02", name: "Werder"),
                             District(number: "04", name: "Alte Neustadt")]

    private func square(_ x: Double, _ y: Double) -> String {
        "[[[\(x),\(y)],[\(x + 0.01),\(y)],[\(x + 0.01),\(y + 0.01)],[\(x),\(y + 0.01)],[\(x),\(y)]]]"
    }

    private func collection(_ features: [(properties: String, coordinates: String)]) -> [UInt8] {
        Array(("{\"type\":\"FeatureCollection\",\"features\":[" + features.map {
            "{\"type\":\"Feature\",\"properties\":{\($0.properties)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\($0.coordinates)}}"
        }.joined(separator: ",") + "]}").utf8)
    }

    func testTheBuiltInCatalogueHasExactlyOneOutlinePerDistrict() {
        let (geometry, problems) = DistrictGeometry.magdeburg(for: DefaultCatalogue.magdeburg.districts)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(geometry.shapes.count, 40)
        XCTAssertEqual(DefaultCatalogue.magdeburg.geometry?.shapes.count, 40)
        XCTAssertEqual(geometry.attribution, "© OpenStreetMap-Mitwirkende")
        let points = geometry.shapes.values.reduce(0) { $0 + $1.pointCount }
        XCTAssertLessThan(points, 1_500, "simplified outlines keep maps small")
        // The city spans about 17 km east-west and 23 km north-south (the OpenStreetMap extract).
        let bounds = try? XCTUnwrap(geometry.bounds)
        XCTAssertEqual((bounds!.max.x - bounds!.min.x) / 1000, 16.9, accuracy: 0.3)
        XCTAssertEqual((bounds!.max.y - bounds!.min.y) / 1000, 22.8, accuracy: 0.3)
    }

    func testRenumberedDistrictsKeepTheirOutlineByName() {
        let renumbered = DefaultCatalogue.magdeburg.districts.enumerated().map { District(number: String(900 + $0.offset), name: $0.element.name) }
        let (geometry, problems) = DistrictGeometry.magdeburg(for: renumbered)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(Set(geometry.shapes.keys), Set(renumbered.map(\.number)))
    }

    func testFeaturesMatchByNumberOrNameAndEveryMisfitIsReported() throws {
        let bytes = collection([
            ("\"nr\":\"1\"", square(11.6, 52.1)),            // number without its leading zero
            ("\"name\":\"werder\"", square(11.62, 52.1)),    // name in another spelling
            ("\"name\":\"Werder\"", square(11.64, 52.1)),    // a second outline for Werder
            ("\"name\":\"Atlantis\"", square(11.66, 52.1)),  // no such district
        ])
        let features = try GeoJSONDistricts.features(bytes)
        let (geometry, problems) = DistrictGeometry.match(features, to: districts, attribution: nil, source: "k.geojson")
        XCTAssertEqual(Set(geometry.shapes.keys), ["01"])
        XCTAssertEqual(Set(problems), [.severalShapes(district: "02", name: "Werder", count: 2),
                                       .noShape(district: "04", name: "Alte Neustadt"),
                                       .unknownFeature(index: 3, number: nil, name: "Atlantis")])
        // Projected to metres: 0.01° of longitude at 52.1° N is about 685 m.
        let ring = try XCTUnwrap(geometry.shapes["01"]?.rings.first)
        XCTAssertEqual(ring.count, 4, "the closing position is not repeated")
        XCTAssertEqual(ring[1].x - ring[0].x, 685, accuracy: 5)
    }

    func testBrokenGeoJSONIsATypedError() {
        XCTAssertThrowsError(try GeoJSONDistricts.features(Array("{\"type\":\"Feature\"}".utf8))) {
            XCTAssertEqual($0 as? GeoJSONError, .notAFeatureCollection)
        }
        XCTAssertThrowsError(try GeoJSONDistricts.features(collection([("\"nr\":1", "[[[200,52],[11,52],[11,53],[200,52]]]")]))) {
            XCTAssertEqual($0 as? GeoJSONError, .badFeature(index: 0, what: "a position is not [longitude, latitude] in degrees"))
        }
        XCTAssertThrowsError(try GeoJSONDistricts.features(Array("{".utf8))) { error in
            guard case .notJSON? = error as? GeoJSONError else { return XCTFail("\(error)") }
        }
    }

    func testTheCatalogueWorkbookNamesItsMapFileAndTheCheckReportsMissingShapes() throws {
        var catalogue = DefaultCatalogue.magdeburg
        catalogue.districts = districts
        catalogue.geometry = nil
        let file = directory.appendingPathComponent("katalog.xlsx").path
        try CatalogueWorkbook.write(catalogue, to: file)
        let (plain, plainFindings) = try CatalogueWorkbook.read(path: file)
        XCTAssertNil(plain.geometry, "no sheet Karte, no map")
        XCTAssertFalse(plainFindings.contains { $0.code.hasPrefix("map-") })

        try Data(collection([("\"nr\":\"01\"", square(11.6, 52.1)), ("\"Stadtteil\":\"Werder\"", square(11.62, 52.1))]))
            .write(to: directory.appendingPathComponent("stadtteile.geojson"))
        catalogue.geometry = DistrictGeometry(shapes: [:], attribution: nil, source: "stadtteile.geojson")
        try CatalogueWorkbook.write(catalogue, to: file)
        let (read, findings) = try CatalogueWorkbook.read(path: file)
        XCTAssertEqual(Set(read.geometry?.shapes.keys ?? [:].keys), ["01", "02"])
        XCTAssertEqual(findings.filter { $0.code.hasPrefix("map-") }.map(\.kind),
                       [.districtWithoutShape(district: "04", name: "Alte Neustadt")])
        XCTAssertEqual(findings.first { $0.code == "map-shape-missing" }?.sheet, "Karte")
    }

    func testAMapFileOutsideTheCataloguesFolderIsRefused() throws {
        var catalogue = DefaultCatalogue.magdeburg
        catalogue.geometry = DistrictGeometry(shapes: [:], attribution: nil, source: "../geheim.geojson")
        let file = directory.appendingPathComponent("katalog.ods").path
        try CatalogueWorkbook.write(catalogue, to: file)
        let (read, findings) = try CatalogueWorkbook.read(path: file)
        XCTAssertNil(read.geometry)
        XCTAssertEqual(findings.map(\.code), ["map-file"])
        XCTAssertTrue(findings[0].message(.en).contains("only a file name in the catalogue's own folder"), findings[0].message(.en))
    }

    func testTheBuiltInMapRoundTripsThroughTheCatalogueWorkbook() throws {
        let file = directory.appendingPathComponent("katalog.xlsx").path
        try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: file)
        let (read, findings) = try CatalogueWorkbook.read(path: file)
        XCTAssertEqual(findings, [])
        XCTAssertEqual(read.geometry?.shapes.count, 40)
    }

    func testTheMarkPointLiesInsideBentAndHollowDistricts() throws {
        func p(_ x: Double, _ y: Double) -> MapPoint { MapPoint(x: x, y: y) }
        // A U: its centroid (15, ~17) lies in the gap between the arms.
        let u = DistrictShape(polygons: [[[p(0, 0), p(30, 0), p(30, 30), p(20, 30), p(20, 10), p(10, 10), p(10, 30), p(0, 30)]]])
        let inU = try XCTUnwrap(u.markPoint)
        XCTAssertTrue(inU.x > 0 && inU.x < 10 || inU.x > 20 && inU.x < 30, "\(inU) is in an arm")
        // A square with a square hole in its middle: the point is not in the hole.
        let ring = DistrictShape(polygons: [[[p(0, 0), p(30, 0), p(30, 30), p(0, 30)], [p(10, 10), p(20, 10), p(20, 20), p(10, 20)]]])
        let inRing = try XCTUnwrap(ring.markPoint)
        XCTAssertFalse(inRing.x > 10 && inRing.x < 20, "\(inRing) is not in the hole")
        // Of two islands, the larger carries the mark.
        let islands = DistrictShape(polygons: [[[p(0, 0), p(2, 0), p(2, 2), p(0, 2)]], [[p(100, 0), p(140, 0), p(140, 40), p(100, 40)]]])
        XCTAssertEqual(islands.markPoint.map { ($0.x * 10).rounded() / 10 }, 120)
    }
}
