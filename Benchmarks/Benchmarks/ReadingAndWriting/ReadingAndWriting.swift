import Benchmark
import Foundation
import Spreadsheet
import WorkbookIO
import XMLStream
import Zip

/// The hot paths of reading and writing workbooks, each on a fixed input
/// made here (a sheet of 20 000 rows × 5 columns: numbers, texts, dates),
/// measured for wall time, instructions and allocations.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    let sheet = Inputs.sheetXML
    let deflated = try! ZipWriter.deflate(sheet, level: 1)

    Benchmark("inflate a 100 000-cell sheet part") { benchmark in
        let zip = Inputs.package
        let entry = zip.entry(named: "sheet.xml")!
        var total = 0
        for _ in benchmark.scaledIterations {
            try zip.read(entry) { total &+= $0.count }
        }
        blackHole(total)
    }

    Benchmark("scan a 100 000-cell sheet with the XML scanner") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try countEvents(sheet) { XMLScanner(handler: $0) })
        }
    }

    Benchmark("parse a 100 000-cell sheet with libxml2 (reference)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try countEvents(sheet) { XMLPushParser(handler: $0) })
        }
    }

    Benchmark("cut a 100 000-cell sheet into runs of rows") { benchmark in
        for _ in benchmark.scaledIterations {
            var segmenter = RowSegmenter(.spreadsheetML)
            var runs = 0
            let count: (RowSegmenter.Piece) -> Void = { if case .rows = $0 { runs += 1 } }
            var offset = 0
            while offset < sheet.count {
                let end = min(offset + (1 << 17), sheet.count)
                sheet[offset..<end].withUnsafeBytes { segmenter.feed($0, count) }
                offset = end
            }
            segmenter.finish(count)
            blackHole(runs)
        }
    }

    for (format, path) in [("XLSX", Inputs.xlsxPath), ("ODS", Inputs.odsPath)] {
        Benchmark("read every cell of a 100 000-cell \(format)") { benchmark in
            for _ in benchmark.scaledIterations {
                let reader = try WorkbookFile.open(path)
                var statistics = SheetStatistics()
                try reader.readSheet(at: 0, into: &statistics)
                blackHole(statistics.cellCount)
            }
        }
    }

    Benchmark("parse 100 000 numbers") { benchmark in
        let texts = (0..<100_000).map { Array(String(Double($0) * 1.25 + 0.001).utf8) }
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for text in texts { sum += text.withUnsafeBytes { NumberText.parse($0) } ?? 0 }
            blackHole(sum)
        }
    }

    Benchmark("turn 100 000 serials into dates") { benchmark in
        for _ in benchmark.scaledIterations {
            for serial in 0..<100_000 { blackHole(DateSerial.value(serial: Double(serial % 60_000) + 0.5, system: .d1900)) }
        }
    }

    Benchmark("write a 100 000-cell XLSX") { benchmark in
        for _ in benchmark.scaledIterations {
            try Inputs.write(to: Inputs.scratch("bench-out.xlsx"))
        }
    }

    Benchmark("write a 100 000-cell ODS") { benchmark in
        for _ in benchmark.scaledIterations {
            try Inputs.write(to: Inputs.scratch("bench-out.ods"))
        }
    }

    Benchmark("deflate a sheet part, level 1") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ZipWriter.deflate(sheet, level: 1).count) }
    }

    Benchmark("deflate a sheet part, level 6") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ZipWriter.deflate(sheet, level: 6).count) }
    }

    blackHole(deflated.count)
}

/// Parses `document` in one chunk with the parser `make` gives; the number of events.
func countEvents<Parser: XMLChunkParser>(_ document: [UInt8], _ make: (EventCounter) -> Parser) throws -> Int {
    let counter = EventCounter()
    let parser = make(counter)
    try document.withUnsafeBytes { try parser.feed($0) }
    try parser.finish()
    return counter.events
}

/// The two parsers' common interface.
protocol XMLChunkParser {
    func feed(_ chunk: UnsafeRawBufferPointer) throws
    func finish() throws
}

extension XMLScanner: XMLChunkParser {}
extension XMLPushParser: XMLChunkParser {}

/// Counts the events of a parse, so that only the parser is measured.
final class EventCounter: XMLEventHandler {
    var events = 0
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws { events += 1 + attributes.count }
    func endElement(_ name: XMLName) throws { events += 1 }
    func characters(_ text: UnsafeRawBufferPointer) throws { events += 1 }
}

enum Inputs {
    static let rows = 20_000

    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }

    static func values(_ row: Int) -> [CellValue] {
        [.number(Double(row)), .string("Stadtteil \(row % 40)"), .number(Double(row) * 0.37),
         .date(CivilDate(year: 2005 + row % 20, month: 1 + row % 12, day: 1 + row % 28)), .number(Double(row % 97))]
    }

    static func write(to path: String) throws {
        let writer = try WorkbookFile.writer(for: path)
        try writer.beginSheet(SheetLayout(name: "Daten"))
        for row in 0..<rows { try writer.write(OutputRow(index: row, values: values(row))) }
        try writer.endSheet()
        try writer.finish()
    }

    static let xlsxPath: String = {
        let path = scratch("bench-in.xlsx")
        try! write(to: path)
        return path
    }()

    static let odsPath: String = {
        let path = scratch("bench-in.ods")
        try! write(to: path)
        return path
    }()

    /// The worksheet part of the XLSX input, inflated.
    static let sheetXML: [UInt8] = {
        let zip = try! ZipArchive(path: xlsxPath)
        let entry = zip.entries.first { $0.name.hasPrefix("xl/worksheets/") }!
        return try! zip.data(of: entry)
    }()

    /// A package holding only that part, deflated as the writer does.
    static let package: ZipArchive = {
        var writer = ZipWriter()
        try! writer.add("sheet.xml", sheetXML, compression: .deflate(level: 1))
        return try! ZipArchive(file: MappedFile(copying: writer.finish()))
    }()
}
