import CommandArguments
import WorkbookIO

/// `--csv-dialect de|en`: the CSV a spreadsheet program of that language
/// opens without an import dialog. German by default: the monitor's users
/// open its exports in German Excel.
enum CSVDialectOption: String, ArgumentValue, CaseIterable {
    case de, en

    static let parameter = Parameter.option(
        "csv-dialect", help: "de: semicolons and decimal comma, for German Excel; en: commas and decimal point. Both UTF-8 with a byte order mark.",
        choices: choices, default: de.rawValue)

    var dialect: DelimitedDialect {
        switch self {
        case .de: return .germanSpreadsheet
        case .en: return .englishSpreadsheet
        }
    }
}
