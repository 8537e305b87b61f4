/// Vector shapes drawn over a sheet, such as a district map: outlines
/// filled with a colour or hatched, and text labels. Native drawing
/// objects (DrawingML custom geometry in XLSX, `draw:path` in ODS) stay
/// sharp in print and need no image library.
public struct VectorDrawing: Sendable, Equatable {
    /// The drawing's name in the file ("Karte 1").
    public var name: String
    /// The cell whose top-left corner is the drawing's origin.
    public var anchor: CellReference
    /// Size in points.
    public var width: Double
    public var height: Double
    public var shapes: [VectorShape]

    public init(name: String, anchor: CellReference, width: Double, height: Double, shapes: [VectorShape]) {
        self.name = name
        self.anchor = anchor
        self.width = width
        self.height = height
        self.shapes = shapes
    }
}

/// A point of a drawing, in points from its top-left corner (y down).
public struct DrawingPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One shape of a `VectorDrawing`: closed rings (holes by the even-odd
/// rule), or a text box when `text` is given.
public struct VectorShape: Sendable, Equatable {
    public enum Fill: Sendable, Equatable {
        case solid(RGBColor)
        /// Diagonal hatching in this colour on white: what a reader knows as "no figure shown".
        case hatched(RGBColor)
        case none
    }

    public var name: String
    /// Alternative text and tooltip: "Buckau: 12,5 %".
    public var description: String?
    public var rings: [[DrawingPoint]]
    public var fill: Fill
    public var stroke: RGBColor?
    /// Text drawn in the shape's box, left-aligned on one line.
    public var text: String?
    public var fontSize: Double

    public init(name: String, description: String? = nil, rings: [[DrawingPoint]], fill: Fill, stroke: RGBColor? = nil,
                text: String? = nil, fontSize: Double = 9) {
        self.name = name
        self.description = description
        self.rings = rings
        self.fill = fill
        self.stroke = stroke
        self.text = text
        self.fontSize = fontSize
    }

    /// A text label in the box from `origin`, `width` × `height` points.
    public static func label(_ text: String, at origin: DrawingPoint, width: Double, height: Double, fontSize: Double = 9) -> VectorShape {
        VectorShape(name: text, rings: [rectangle(origin, width, height)], fill: .none, text: text, fontSize: fontSize)
    }

    /// A rectangle's ring.
    public static func rectangle(_ origin: DrawingPoint, _ width: Double, _ height: Double) -> [DrawingPoint] {
        [origin, DrawingPoint(x: origin.x + width, y: origin.y), DrawingPoint(x: origin.x + width, y: origin.y + height),
         DrawingPoint(x: origin.x, y: origin.y + height)]
    }

    /// The box around every ring.
    public var bounds: (min: DrawingPoint, max: DrawingPoint) {
        let points = rings.flatMap { $0 }
        guard var lo = points.first else { return (DrawingPoint(x: 0, y: 0), DrawingPoint(x: 0, y: 0)) }
        var hi = lo
        for p in points {
            lo.x = min(lo.x, p.x); lo.y = min(lo.y, p.y)
            hi.x = max(hi.x, p.x); hi.y = max(hi.y, p.y)
        }
        return (lo, hi)
    }
}
