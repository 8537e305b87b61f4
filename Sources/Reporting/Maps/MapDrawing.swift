import Foundation
import Monitoring
import Spreadsheet

/// A `DistrictMap` as native vector shapes for a workbook: one outline per
/// district (its name and value as the shape's description), the legend's
/// swatches and labels beside it, classification and licence credit below.
public enum MapDrawing {
    /// The drawing, `mapWidth` points wide for the map itself, anchored at `anchor`.
    public static func drawing(_ map: DistrictMap, name: String, anchor: CellReference, mapWidth: Double = 260) -> VectorDrawing? {
        guard let frame = MapFrame(map, width: mapWidth) else { return nil }
        var shapes: [VectorShape] = []
        for area in map.areas {
            let rings = area.shape.rings.map { ring in ring.map { p in
                let (x, y) = frame.place(p)
                return DrawingPoint(x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10)
            } }
            shapes.append(VectorShape(name: "\(area.number) \(area.name)", description: map.tooltip(area), rings: rings,
                                      fill: fill(map.fill(area)), stroke: RGBColor(hex: 0xFFFFFF)))
        }
        for area in map.areas where area.isMarked {
            guard let point = area.shape.markPoint else { continue }
            let (x, y) = frame.place(point)
            shapes.append(mark(at: DrawingPoint(x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10)))
        }
        let legendX = mapWidth + 14, rowH = 14.0
        for (k, entry) in map.legend.enumerated() {
            let y = Double(k) * rowH + 2
            shapes.append(VectorShape(name: entry.label, rings: [VectorShape.rectangle(DrawingPoint(x: legendX, y: y), 16, 10)],
                                      fill: fill(entry.fill), stroke: RGBColor(hex: 0x888888)))
            shapes.append(.label(entry.label, at: DrawingPoint(x: legendX + 22, y: y - 1), width: 200, height: 12))
        }
        if let text = map.mark {
            let y = Double(map.legend.count) * rowH + 2
            shapes.append(mark(at: DrawingPoint(x: legendX + 8, y: y + 5)))
            shapes.append(.label(text, at: DrawingPoint(x: legendX + 22, y: y - 1), width: 200, height: 12))
        }
        let legendRows = map.legend.count + (map.mark == nil ? 0 : 1)
        let base = max(frame.height, Double(legendRows) * rowH + 4) + 4
        shapes.append(.label(map.classification, at: DrawingPoint(x: 0, y: base), width: mapWidth + 200, height: 11, fontSize: 7.5))
        if let credit = map.attribution {
            shapes.append(.label(credit, at: DrawingPoint(x: 0, y: base + 12), width: mapWidth + 200, height: 11, fontSize: 7.5))
        }
        return VectorDrawing(name: name, anchor: anchor, width: legendX + 222, height: base + 24, shapes: shapes)
    }

    /// A district's mark: a white disc with a dark rim, seen on any fill.
    static func mark(at centre: DrawingPoint) -> VectorShape {
        let r = 3.2
        let ring = (0..<12).map { k in
            let a = Double(k) * .pi / 6
            return DrawingPoint(x: ((centre.x + r * cos(a)) * 10).rounded() / 10, y: ((centre.y + r * sin(a)) * 10).rounded() / 10)
        }
        return VectorShape(name: "●", rings: [ring], fill: .solid(RGBColor(hex: 0xFFFFFF)), stroke: RGBColor(hex: 0x000000))
    }

    static func fill(_ fill: DistrictMap.Fill) -> VectorShape.Fill {
        switch fill {
        case .colour(let c): .solid(c)
        case .suppressed: .hatched(RGBColor(hex: 0x666666))
        case .notAssessed: .solid(RGBColor(hex: 0xD9D9D9))
        }
    }

    /// Rows of the default height (15 pt) the drawing covers, for placing what follows below it.
    public static func rowsCovered(_ drawing: VectorDrawing, rowHeight: Double = 15) -> Int {
        Int((drawing.height / rowHeight).rounded(.up)) + 1
    }
}
