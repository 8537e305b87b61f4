import CommandArguments
import XCTest

/// A small command tree shaped like imon's: a leaf with every kind of
/// parameter, and a group.
private struct Copy: Command {
    enum Format: String, ArgumentValue, CaseIterable { case json, csv }

    static let input = Parameter.argument("input", help: "What to read.")
    static let output = Parameter.argument("output", help: "What to write.", optional: true)
    static let sheet = Parameter.option("sheet", help: "Only this sheet.", repeating: true)
    static let format = Parameter.option("format", help: "Output format.", choices: Format.choices, default: "json")
    static let year = Parameter.option("year", short: "y", help: "The year.")
    static let quiet = Parameter.flag("quiet", help: "Say nothing.")
    static let limit = Parameter.option("max-cells", help: "Most cells.", default: "100", group: "LIMITS")

    static let spec = CommandSpec("copy", abstract: "Copy a workbook.", discussion: "Reads one file and writes another.",
                                  parameters: [input, output, sheet, format, year, quiet, limit]) { try Copy($0) }

    let input: String
    let output: String?
    let sheets: [String]
    let format: Format
    let year: Int?
    let quiet: Bool
    let limit: Int

    init(_ arguments: ParsedArguments) throws {
        input = try arguments.value(Self.input)
        output = try arguments.optionalValue(Self.output)
        sheets = try arguments.values(Self.sheet)
        format = try arguments.value(Self.format)
        year = try arguments.optionalValue(Self.year)
        quiet = arguments.flag(Self.quiet)
        limit = try arguments.value(Self.limit)
        if quiet && sheets.count > 1 { throw arguments.refuse("--quiet takes one --sheet") }
    }

    func run() throws {}
}

private struct Merge: Command {
    static let files = Parameter.argument("files", help: "Files to merge.", repeating: true)
    static let output = Parameter.option("output", short: "o", help: "The result.", required: true)
    static let spec = CommandSpec("merge", abstract: "Merge files.", parameters: [files, output]) { try Merge($0) }

    let files: [String]
    let output: String

    init(_ arguments: ParsedArguments) throws {
        files = try arguments.values(Self.files)
        output = try arguments.value(Self.output)
    }

    func run() throws {}
}

private let root = CommandSpec("tool", abstract: "A tool.", version: "1.2.3", subcommands: [
    Copy.spec,
    CommandSpec("store", abstract: "Keep the store.", subcommands: [Merge.spec]),
])

final class CommandLineParserTests: XCTestCase {
    private func command<T: Command>(_ arguments: [String], as type: T.Type = T.self) throws -> T {
        guard case .run(let command) = try CommandLineParser(root: root).parse(arguments) else {
            XCTFail("\(arguments) does not run a command")
            throw UsageError(command: "tool", "not a command")
        }
        return try XCTUnwrap(command as? T)
    }

    private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> UsageError? {
        do {
            _ = try CommandLineParser(root: root).parse(arguments)
            XCTFail("\(arguments) was accepted", file: file, line: line)
        } catch let error as UsageError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return nil
    }

    private func help(_ arguments: [String]) throws -> String {
        guard case .help(let text) = try CommandLineParser(root: root).parse(arguments) else {
            XCTFail("\(arguments) shows no help")
            return ""
        }
        return text
    }

    func testOptionsGoAnywhereAndInEverySpelling() throws {
        let copy: Copy = try command(["copy", "--sheet", "A", "in.xlsx", "--format=csv", "-y", "2007", "out.csv", "--sheet=B C"])
        XCTAssertEqual(copy.input, "in.xlsx")
        XCTAssertEqual(copy.output, "out.csv")
        XCTAssertEqual(copy.sheets, ["A", "B C"])
        XCTAssertEqual(copy.format, .csv)
        XCTAssertEqual(copy.year, 2007)
        XCTAssertTrue(try command(["copy", "--quiet", "x"], as: Copy.self).quiet)
        XCTAssertEqual(try command(["copy", "x", "-y2008"], as: Copy.self).year, 2008)
        XCTAssertEqual(try command(["copy", "x", "-y=2009"], as: Copy.self).year, 2009)
    }

    func testDefaultsApplyWhenLeftOut() throws {
        let copy: Copy = try command(["copy", "in.xlsx"])
        XCTAssertNil(copy.output)
        XCTAssertEqual(copy.sheets, [])
        XCTAssertEqual(copy.format, .json)
        XCTAssertNil(copy.year)
        XCTAssertFalse(copy.quiet)
        XCTAssertEqual(copy.limit, 100)
        XCTAssertEqual(try command(["copy", "in.xlsx", "--max-cells", "5"], as: Copy.self).limit, 5)
    }

    func testTheLastOfARepeatedSingleOptionWins() throws {
        XCTAssertEqual(try command(["copy", "x", "--format", "csv", "--format", "json"], as: Copy.self).format, .json)
    }

    func testDoubleDashEndsTheOptionsAndNegativeNumbersAreValues() throws {
        let copy: Copy = try command(["copy", "--", "-odd name.xlsx", "--quiet"])
        XCTAssertEqual(copy.input, "-odd name.xlsx")
        XCTAssertEqual(copy.output, "--quiet")
        XCTAssertFalse(copy.quiet)
        XCTAssertEqual(try command(["copy", "x", "--max-cells", "-1"], as: Copy.self).limit, -1)
        XCTAssertEqual(try command(["copy", "-"], as: Copy.self).input, "-")
    }

    func testARepeatingArgumentTakesTheRest() throws {
        let merge: Merge = try command(["store", "merge", "a.xlsx", "-o", "s.db", "b.ods", "c"])
        XCTAssertEqual(merge.files, ["a.xlsx", "b.ods", "c"])
        XCTAssertEqual(merge.output, "s.db")
    }

    func testEveryMistakeIsNamedWithItsCommand() {
        let cases: [([String], UsageError.Reason)] = [
            (["copy"], .missing("<input>")),
            (["copy", "a", "b", "c"], .unexpectedArgument("c")),
            (["copy", "a", "--colour", "red"], .unknownOption("--colour")),
            (["copy", "a", "--colour=red"], .unknownOption("--colour")),
            (["copy", "a", "-x"], .unknownOption("-x")),
            (["copy", "a", "--format"], .missingValue("--format")),
            (["copy", "a", "--year", "--quiet"], .missingValue("--year")),
            (["copy", "a", "--format", "xml"], .invalidValue("--format", value: "xml", expected: "one of json, csv")),
            (["copy", "a", "--year", "soon"], .invalidValue("--year", value: "soon", expected: "a whole number")),
            (["copy", "a", "--quiet=yes"], .flagWithValue("--quiet")),
            (["copy", "a", "--quiet", "--sheet", "A", "--sheet", "B"], .invalid("--quiet takes one --sheet")),
            (["store", "merge", "a"], .missing("--output")),
        ]
        for (arguments, reason) in cases {
            XCTAssertEqual(refusal(arguments), UsageError(command: "tool " + arguments.prefix { $0 == "copy" || $0 == "store" || $0 == "merge" }
                .joined(separator: " "), reason: reason), "\(arguments)")
        }
        XCTAssertEqual(refusal(["paste"])?.reason, .unknownCommand("paste", known: ["copy", "store"]))
        XCTAssertEqual(refusal(["store", "prune"])?.reason, .unknownCommand("prune", known: ["merge"]))
        XCTAssertEqual(refusal(["--colour"])?.reason, .unknownOption("--colour"))
    }

    func testMessagesAreOneLineSayingWhereAndWhat() {
        XCTAssertEqual(refusal(["copy", "a", "--format", "xml"])?.description,
                       "copy: --format: 'xml' is not one of json, csv (see tool copy --help)")
        XCTAssertEqual(refusal(["store", "merge", "a"])?.description, "store merge: --output is missing (see tool store merge --help)")
        XCTAssertEqual(refusal(["paste"])?.description, "no command 'paste'; the commands are copy, store (see tool --help)")
    }

    func testHelpWinsOverMistakesAndVersionIsTheRoots() throws {
        XCTAssertTrue(try help(["copy", "--format", "xml", "--help"]).hasPrefix("OVERVIEW: Copy a workbook."))
        XCTAssertEqual(try help(["copy", "-h"]), try help(["help", "copy"]))
        XCTAssertEqual(try help(["store"]), try help(["help", "store"]))
        XCTAssertTrue(try help([]).contains("  copy                    Copy a workbook.\n"))
        guard case .version(let version) = try CommandLineParser(root: root).parse(["copy", "--version"]) else {
            return XCTFail("--version shows no version")
        }
        XCTAssertEqual(version, "1.2.3")
        // After --, -h is a file name.
        XCTAssertEqual(try command(["copy", "--", "-h"], as: Copy.self).input, "-h")
    }

    func testHelpListsEveryParameterWithItsDefaultAndChoices() throws {
        let text = try help(["copy", "--help"])
        XCTAssertTrue(text.contains("\nReads one file and writes another.\n"), text)
        XCTAssertTrue(text.contains(
            "USAGE: tool copy <input> [<output>] [--sheet <sheet> ...] [--format <format>] [-y <year>] [--quiet] [limits]\n"), text)
        XCTAssertTrue(text.contains("  --format <format>       Output format. (values: json, csv) (default: json)\n"), text)
        XCTAssertTrue(text.contains("  -y, --year <year>       The year.\n"), text)
        XCTAssertTrue(text.contains("\nLIMITS:\n  --max-cells <max-cells> Most cells. (default: 100)\n") ||
                      text.contains("\nLIMITS:\n  --max-cells <max-cells>\n                          Most cells. (default: 100)\n"), text)
        let sections = text.split(separator: "\n").filter { $0.hasSuffix(":") && $0.first != " " }
        XCTAssertEqual(sections, ["ARGUMENTS:", "OPTIONS:", "LIMITS:"])
        for line in text.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        XCTAssertTrue(try help(["store"]).contains("See 'tool help store <command>' for detailed help."))
    }
}
