import Monitoring
import WorkbookIO
import Zip

/// Reads a publication back from the JSON-stat collection
/// `JSONStatPublication` writes, so that `imon audit` can check a published
/// file on its own: published numbers, suppressed cells and the structure
/// in the `figures` dataset's extension. The true values behind `.` are
/// not in the file and not needed.
public enum JSONStatPublicationReader {
    public static func read(path: String) throws -> Publication {
        let file = try MappedFile(path: path)
        let root = try JSONValue.parse(file.bytes)
        return try publication(root)
    }

    static func fail(_ location: String, _ reason: String) -> WorkbookError { WorkbookError(location: location, reason: reason) }

    static func publication(_ root: JSONValue) throws -> Publication {
        var dataset: JSONValue?
        if case .string("collection") = root["class"], case .array(let items)? = root["link"]?["item"] {
            dataset = items.first { if case .string(JSONStatPublication.figuresName)? = $0["extension"]?["name"] { return true } else { return false } }
        } else if case .string(JSONStatPublication.figuresName)? = root["extension"]?["name"] {
            dataset = root
        }
        guard let dataset else { throw fail("collection", "no dataset with extension.name \"figures\"") }
        func ids(_ dimension: String) throws -> [String] {
            guard case .array(let index)? = dataset["dimension"]?[dimension]?["category"]?["index"] else {
                throw fail("dimension \(dimension)", "missing or without category.index as a list")
            }
            return try index.map { if case .string(let s) = $0 { return s } else { throw fail("dimension \(dimension)", "an id is not a string") } }
        }
        guard case .array(let idList)? = dataset["id"],
              idList.compactMap({ if case .string(let s) = $0 { return s } else { return nil } }) == ["indicator", "district", "category", "year", "measure"] else {
            throw fail("id", "expected the dimensions indicator, district, category, year, measure")
        }
        let indicators = try ids("indicator"), districts = try ids("district"), categories = try ids("category")
        let years = try ids("year").map { y in
            guard let n = Int(y) else { throw fail("dimension year", "\(y) is not a year") }
            return n
        }
        let measures = try ids("measure")
        guard case .object(let tableSpecs)? = dataset["extension"]?["tables"] else { throw fail("extension.tables", "missing") }
        var tables: [PublicationStructure.Table] = []
        for code in indicators {
            guard let spec = tableSpecs.first(where: { $0.0 == code })?.1 else { throw fail("extension.tables", "no entry for \(code)") }
            func text(_ key: String) -> String? { if case .string(let s)? = spec[key] { return s } else { return nil } }
            func int(_ key: String) -> Int? { if case .number(let n)? = spec[key], n == n.rounded(), abs(n) < 1e9 { return Int(n) } else { return nil } }
            guard let unitText = text("unit"), let unit = IndicatorUnit(rawValue: unitText) ?? IndicatorUnit(text: unitText) else {
                throw fail("extension.tables.\(code)", "unit missing or unknown")
            }
            guard case .array(let cats)? = spec["categories"] else { throw fail("extension.tables.\(code)", "categories missing") }
            tables.append(PublicationStructure.Table(
                code: code, unit: unit, categories: cats.compactMap { if case .string(let s) = $0 { return s } else { return nil } },
                total: text("total"), level: text("level") == "city" ? .city : .districts, minimumCases: int("minimumCases") ?? 0,
                minimumDenominator: int("minimumDenominator") ?? 0, numerator: text("numerator"), denominator: text("denominator"),
                denominatorCategory: text("denominatorCategory"), denominatorYearOffset: int("denominatorYearOffset") ?? 0,
                decimals: int("decimals")))
        }
        let reportYear: Int
        if case .number(let y)? = dataset["extension"]?["reportYear"] { reportYear = Int(y) } else { reportYear = years.last ?? 0 }
        let rows = districts.map { $0 == JSONStatPublication.cityID ? PublicationStructure.cityRow : $0 }
        let structure = PublicationStructure(reportYear: reportYear, years: years,
                                             districts: rows.filter { $0 != PublicationStructure.cityRow }, tables: tables)
        guard case .array(let values)? = dataset["value"] else { throw fail("value", "expected a list (dense values)") }
        let size = indicators.count * districts.count * categories.count * years.count * measures.count
        guard values.count == size else { throw fail("value", "\(values.count) values for a size of \(size)") }
        var status: [Int: String] = [:]
        if case .object(let members)? = dataset["status"] {
            for (k, v) in members { if let i = Int(k), case .string(let s) = v { status[i] = s } }
        } else if case .array(let list)? = dataset["status"] {
            for (i, v) in list.enumerated() { if case .string(let s) = v { status[i] = s } }
        }
        var figures: [CellKey: Figure] = [:], changes: [CellKey: Figure] = [:]
        var n = 0
        for ind in indicators {
            for row in rows {
                for c in categories {
                    for y in years {
                        for m in measures {
                            defer { n += 1 }
                            let figure: Figure
                            switch values[n] {
                            case .number(let v): figure = .value(v)
                            case .null:
                                switch status[n] {
                                case ".": figure = .suppressed(.secondary)
                                case "x": figure = .notApplicable
                                default: figure = .missing
                                }
                            default: throw fail("value[\(n)]", "neither a number nor null")
                            }
                            if case .notApplicable = figure { continue }
                            if case .missing = figure { continue }
                            let key = CellKey(ind, row, c, y)
                            if m == "value" { figures[key] = figure } else if m == "change" { changes[key] = figure }
                        }
                    }
                }
            }
        }
        return Publication(structure: structure, values: figures, changes: changes)
    }
}
