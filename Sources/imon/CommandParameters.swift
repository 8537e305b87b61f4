import CommandArguments
import Monitoring
import MonitoringStore

/// Parameters several commands take, spelled and explained the same in each.
enum CommandParameters {
    static let catalogue = Parameter.option("catalogue", help: "A catalogue workbook; the built-in default when left out.")
    static let store = Parameter.option("store", help: "The store file.", default: "monitoring.sqlite")

    /// `--lang de|en`, German unless given.
    static func language(_ help: String) -> Parameter {
        .option("lang", help: help, choices: Language.choices, default: Language.de.rawValue)
    }
}

extension Language: ArgumentValue {}
extension ConflictPreference: ArgumentValue {}
