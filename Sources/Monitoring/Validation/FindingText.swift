/// Validation findings in words, German or English: the one place their
/// messages are written, for the person who filled in the file. Numbers
/// follow the language (`40,5` and `8.686` in German).
public enum FindingText {
    /// What is wrong and what to do.
    public static func message(_ kind: FindingKind, _ l: Language) -> String {
        let n = { (x: Double) in l.number(x) }
        switch kind {
        case .unreadable(let location, let reason):
            return l("Die Datei kann nicht gelesen werden (\(location): \(reason)). Bitte als .xlsx oder .ods ohne Kennwort speichern und erneut senden.",
                     "The file cannot be read (\(location): \(reason)). Please save it as .xlsx or .ods without a password.")
        case .detailsMissing:
            return l("Das Blatt „Angaben“ fehlt. Bitte die Vorlage verwenden, die Sie vom Sozial- und Wohnungsamt erhalten haben.",
                     "The sheet “Details” is missing. Please use the template you received.")
        case .unknownDepartment(let found):
            return l("Das Amt „\(found)“ ist im Katalog nicht bekannt. Bitte das Kürzel aus der Vorlage nicht ändern.",
                     "The department “\(found)” is not in the catalogue. Please keep the code from the template.")
        case .departmentMissing:
            return l("Auf dem Blatt „Angaben“ fehlt das Amt.", "The department is missing on the sheet “Details”.")
        case .yearInvalid:
            return l("Das Berichtsjahr ist keine Jahreszahl.", "The reporting year is not a year.")
        case .yearMissing:
            return l("Auf dem Blatt „Angaben“ fehlt das Berichtsjahr.", "The reporting year is missing on the sheet “Details”.")
        case .templateOfOtherDepartment(let template, let entered):
            return l("Die Vorlagen-ID gehört zu Amt \(template), eingetragen ist Amt \(entered). Bitte die Vorlage des eigenen Amtes verwenden.",
                     "The template id belongs to department \(template), but department \(entered) is entered.")
        case .templateOfOtherYear(let template, let entered):
            return l("Das Berichtsjahr \(entered) passt nicht zur Vorlage für \(template). Bitte das Jahr prüfen oder die Vorlage für \(entered) verwenden.",
                     "The reporting year \(entered) does not match the template for \(template).")
        case .templateOutdated:
            return l("Die Vorlage wurde mit einem anderen Indikatorenkatalog erstellt; Blätter oder Stadtteile können abweichen.",
                     "The template was made from another catalogue; sheets or districts may differ.")
        case .yearUnexpected(let expected, let found):
            return l("Erwartet wird das Berichtsjahr \(expected), die Datei ist für \(found).",
                     "Reporting year \(expected) is expected; the file is for \(found).")
        case .sheetRenamed(let sheet, let indicator):
            return l("Das Blatt heißt „\(sheet)“, enthält aber den Indikator \(indicator). Es wurde erkannt; bitte Blattnamen nicht ändern.",
                     "The sheet is named “\(sheet)” but holds indicator \(indicator); it was recognised. Please keep sheet names.")
        case .unknownSheet(let sheet):
            return l("Das Blatt „\(sheet)“ gehört nicht zur Vorlage und wird nicht übernommen.",
                     "The sheet “\(sheet)” is not part of the template and is ignored.")
        case .sheetMissing(let indicator, let name):
            return l("Das Blatt für den Indikator \(indicator) („\(name)“) fehlt.", "The sheet for indicator \(indicator) (“\(name)”) is missing.")
        case .headerMissing(let categories):
            return l("Die Kopfzeile mit „Stadtteil“ und den Spalten \(categories.joined(separator: ", ")) fehlt.",
                     "The header row with “District” and the columns \(categories.joined(separator: ", ")) is missing.")
        case .columnMissing(let category):
            return l("Die Spalte „\(category)“ fehlt in der Kopfzeile.", "The column “\(category)” is missing in the header.")
        case .columnDuplicate(let category):
            return l("Die Spalte „\(category)“ steht mehrmals in der Kopfzeile; es ist nicht klar, welche gilt. Die Werte dieses Blattes werden nicht übernommen.",
                     "The column “\(category)” appears more than once in the header; it is unclear which one holds. The values of this sheet are not taken.")
        case .districtNamesOnly:
            return l("Die Zeilen haben keine Stadtteil-Nummern; sie wurden über die Namen zugeordnet. Bitte die Nummern der Vorlage stehen lassen.",
                     "The rows carry no district numbers; they were matched by name. Please keep the template's numbers.")
        case .districtOwnNumbering(let number, let name, let catalogueNumber):
            var example = ""
            if let number, let name, let catalogueNumber {
                example = l(" (z. B. \(number) „\(name)“, im Katalog hat „\(name)“ die Nr. \(catalogueNumber))",
                            " (e.g. \(number) “\(name)”; in the catalogue “\(name)” is number \(catalogueNumber))")
            }
            return l("Die Spalte „Nr.“ folgt einer eigenen Nummerierung, nicht der des Katalogs\(example). Die Zeilen wurden über die Stadtteilnamen zugeordnet; bitte die Nummern der Vorlage verwenden.",
                     "The column “No.” follows a numbering of its own, not the catalogue's\(example). The rows were matched by district name; please use the template's numbers.")
        case .districtMismatch(let number, let name, let forNumber, let forName):
            let saysNumber = forNumber.map { l("Nr. \(number) ist im Katalog „\($0)“", "number \(number) is “\($0)” in the catalogue") }
                ?? l("die Nr. \(number) gibt es im Katalog nicht", "the catalogue has no number \(number)")
            let saysName = name.isEmpty ? l("der Name fehlt", "the name is missing")
                : forName.map { l("„\(name)“ hat dort die Nr. \($0)", "“\(name)” is number \($0) there") }
                ?? l("„\(name)“ ist kein Stadtteil des Katalogs", "“\(name)” is not a district of the catalogue")
            return l("Nummer und Name passen nicht zusammen: \(saysNumber), \(saysName). Die Werte dieses Blattes werden nicht übernommen. Wurden nur einige Spalten sortiert? Bitte Nummer, Name und Werte jeder Zeile zusammen lassen.",
                     "Number and name disagree: \(saysNumber), \(saysName). The values of this sheet are not taken. Were only some columns sorted? Please keep each row's number, name and values together.")
        case .unknownDistrict(let number, let name):
            let label = [number, name].filter { !$0.isEmpty }.joined(separator: " ")
            return l("Der Stadtteil „\(label)“ ist im Katalog nicht bekannt; die Zeile wird nicht übernommen.",
                     "The district “\(label)” is not in the catalogue; the row is ignored.")
        case .districtDuplicate(let name):
            return l("Die Zeile für „\(name)“ steht doppelt im Blatt. Bitte eine davon löschen.",
                     "The row for “\(name)” appears twice. Please remove one.")
        case .districtMissing(let number, let name):
            let label = name.map { [number, $0].compactMap { $0 }.joined(separator: " ") } ?? number ?? l("Stadt insgesamt", "City total")
            return l("Die Zeile für „\(label)“ fehlt. Bitte Zeilen der Vorlage nicht löschen.",
                     "The row for “\(label)” is missing. Please do not delete rows of the template.")
        case .formulaWithoutValue:
            return l("Hier steht eine Formel ohne gespeichertes Ergebnis. Bitte die Datei in Excel oder LibreOffice öffnen, neu berechnen lassen und speichern, oder die Zahl direkt eintragen.",
                     "This cell holds a formula without a stored result. Please open the file in Excel or LibreOffice, let it recalculate and save it, or enter the number.")
        case .emptyCell:
            return l("Das Feld ist leer. Bitte eine Zahl oder eines der Zeichen - . x eintragen.",
                     "The cell is empty. Please enter a number or one of the markers - . x.")
        case .numberAsText(let text, let read):
            return l("Die Zahl ist als Text gespeichert („\(text)“) und wurde als \(n(read)) gelesen. Bitte als Zahl eintragen.",
                     "The number is stored as text (“\(text)”) and was read as \(n(read)). Please enter it as a number.")
        case .unknownMarker(let found):
            return l("„\(found)“ ist kein gültiges Zeichen. Erlaubt sind - (nichts vorhanden), . (unbekannt oder geheim) und x (entfällt).",
                     "“\(found)” is not a valid marker. Allowed are - (nothing), . (unknown or confidential) and x (not applicable).")
        case .textInNumberCell(let found):
            return l("Hier gehört eine Zahl hin, eingetragen ist „\(found)“. Bitte nur die Zahl eintragen (ohne „ca.“, Einheiten oder Zusätze); Erläuterungen in die Spalte „Bemerkung“.",
                     "A number belongs here, but “\(found)” was entered. Please enter the number only; explanations go into the column “Remark”.")
        case .truthValueInNumberCell:
            return l("Hier gehört eine Zahl hin, eingetragen ist ein Wahrheitswert.", "A number belongs here, not a true/false value.")
        case .dateInNumberCell:
            return l("Hier steht ein Datum; erwartet wird eine Zahl. Bitte das Zellformat auf „Zahl“ stellen und den Wert neu eintragen.",
                     "A date stands here where a number is expected. Please set the cell format to number and enter the value again.")
        case .formulaError(let error):
            return l("Die Formel in diesem Feld ergibt den Fehler \(error). Bitte die Formel prüfen oder den Wert als Zahl eintragen.",
                     "The formula in this cell gives the error \(error). Please check it or enter the value as a number.")
        case .negativeCount:
            return l("Eine Anzahl kann nicht negativ sein.", "A count cannot be negative.")
        case .fractionalCount(let found):
            return l("Eine Anzahl ist eine ganze Zahl; eingetragen ist \(n(found)).", "A count is a whole number; \(n(found)) was entered.")
        case .percentOutOfRange:
            return l("Ein Prozentwert liegt zwischen 0 und 100.", "A percentage lies between 0 and 100.")
        case .belowMinimum(let minimum):
            return l("Der Wert liegt unter dem zulässigen Minimum \(n(minimum)).", "The value is below the allowed minimum \(n(minimum)).")
        case .aboveMaximum(let maximum):
            return l("Der Wert liegt über dem zulässigen Maximum \(n(maximum)).", "The value is above the allowed maximum \(n(maximum)).")
        case .partExceedsTotal(let part, let value, let total, let totalValue):
            return l("„\(part)“ (\(n(value))) ist größer als „\(total)“ (\(n(totalValue))). Ein Teil kann nicht größer sein als die Summe.",
                     "“\(part)” (\(n(value))) is larger than “\(total)” (\(n(totalValue))).")
        case .partsDoNotAddUp(let parts, let sum, let total, let totalValue):
            return l("\(parts.joined(separator: " + ")) ergibt \(n(sum)), „\(total)“ ist aber \(n(totalValue)). Bitte die Werte dieser Zeile prüfen.",
                     "\(parts.joined(separator: " + ")) gives \(n(sum)), but “\(total)” is \(n(totalValue)).")
        case .cityTotalMismatch(let sum, let city):
            return l("Die Stadtteile ergeben zusammen \(n(sum)), in der Zeile „Stadt insgesamt“ steht \(n(city)) (Differenz \(n(city - sum))).",
                     "The districts add up to \(n(sum)); the city total says \(n(city)) (difference \(n(city - sum))).")
        case .cityTotalExceeded(let sum, let city, let open):
            return l("Die bekannten Stadtteilwerte ergeben zusammen \(n(sum)), mehr als die \(n(city)) der ganzen Stadt; \(open) Stadtteilwerte sind geheim oder fehlen und können das nicht ausgleichen.",
                     "The known district values add up to \(n(sum)), more than the city's \(n(city)); \(open) district values are confidential or missing and cannot make up for that.")
        case .partsExceedTotal(let parts, let sum, let total, let totalValue):
            return l("Die bekannten Teile (\(parts.joined(separator: " + "))) ergeben schon \(n(sum)), mehr als „\(total)“ (\(n(totalValue))).",
                     "The known parts (\(parts.joined(separator: " + "))) already give \(n(sum)), more than “\(total)” (\(n(totalValue))).")
        case .numeratorExceedsDenominator(let numerator, let value, let denominator, let denominatorValue, let sheet, let cell):
            return l("\(numerator) (\(n(value))) ist größer als \(denominator) (\(n(denominatorValue)), Blatt \(sheet) \(cell)); das kann nicht sein.",
                     "\(numerator) (\(n(value))) exceeds \(denominator) (\(n(denominatorValue)), sheet \(sheet) \(cell)).")
        case .sameAsLastYear(let year):
            return l("Alle Werte sind genau dieselben wie im Vorjahr \(year). Wurde das Blatt des Vorjahres kopiert?",
                     "Every value is exactly last year's (\(year)). Was last year's sheet copied?")
        case .largeChange(let year, let previous, let percent):
            let sign = percent > 0 ? "+" : ""
            return l("Im Vorjahr \(year) stand hier \(n(previous)); das ist eine Änderung um \(sign)\(l.number(percent)) %. Bitte prüfen und in der Spalte „Bemerkung“ erläutern.",
                     "Last year (\(year)) this was \(n(previous)); a change of \(sign)\(l.number(percent)) %. Please check and explain in the column “Remark”.")
        case .districtOutlier(let part, let share, let typical):
            return l("Der Anteil „\(part)“ liegt hier bei \(share) %, in den Stadtteilen sonst um \(typical) %. Bitte prüfen.",
                     "The share “\(part)” is \(share) % here, around \(typical) % in the other districts. Please check.")
        case .feedbackNotWritten(let reason):
            return l("Die Rückmeldedatei konnte nicht geschrieben werden: \(reason)", "The feedback copy could not be written: \(reason)")
        case .sourceNotMapped(let found):
            let ids = found.isEmpty ? l("keine Tabellenkennung gefunden", "no table id found") : found.joined(separator: ", ")
            return l("Keine Quelle des Katalogs (Blatt „Quellen“) beschreibt diese Tabelle (\(ids)); nichts wird übernommen.",
                     "No source of the catalogue (sheet \"Quellen\") describes this table (\(ids)); nothing is imported.")
        case .sourceLayoutChanged(let table, let expected, let found):
            return l("Die Tabelle \(table) hat \(found) Spalten, ihre Quelle im Katalog beschreibt \(expected); der Aufbau hat sich geändert, nichts wird übernommen.",
                     "Table \(table) has \(found) columns, its source in the catalogue describes \(expected); the layout changed, nothing is imported.")
        case .sourceHeaderChanged(let expected, let found):
            return l("Hier steht die Überschrift „\(found)“, die Quelle im Katalog erwartet „\(expected)“; nichts wird übernommen.",
                     "The header here is \"\(found)\", the catalogue's source expects \"\(expected)\"; nothing is imported.")
        case .sourceOtherTable(let expected, let found):
            return l("Diese Zeile gehört zur Tabelle „\(found)“, die Datei zur Tabelle \(expected); die Zeile wird nicht übernommen.",
                     "This row belongs to table \"\(found)\", the file to table \(expected); the row is not imported.")
        case .sourceUnknownDistrict(let number, let row):
            return l("Zeile \(row): die Stadtteilnummer „\(number)“ steht nicht im Katalog; das Jahr wird nicht übernommen.",
                     "row \(row): district number \"\(number)\" is not in the catalogue; the year is not imported.")
        case .sourceDuplicateRow(let district, let year, let first):
            return l("Stadtteil \(district) steht für \(year) schon in Zeile \(first); das Jahr wird nicht übernommen.",
                     "district \(district) already has a row for \(year) in row \(first); the year is not imported.")
        case .sourceNoRows(let years):
            let which = years.map(String.init).joined(separator: ", ")
            return years.isEmpty ? l("Die Tabelle hat keine Datenzeilen; nichts wird übernommen.", "The table has no data rows; nothing is imported.")
                : l("Die Tabelle hat keine Zeile für \(which); nichts wird übernommen.", "The table has no row for \(which); nothing is imported.")
        case .sourceDistrictsAbsent(let numbers, let year):
            return l("Für \(year) hat die Tabelle keine Zeile für die Stadtteile \(numbers.joined(separator: ", ")); für sie wird nichts übernommen.",
                     "for \(year) the table has no row for districts \(numbers.joined(separator: ", ")); nothing is imported for them.")
        }
    }
}
