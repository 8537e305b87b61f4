/// The built-in mappings of the city's KISS-MD tables that feed built-in
/// indicators. The files name no column beyond year and Stadtteil number
/// (`K3_T33_var1 … var7, tabelle`); what each column holds was established
/// from the numbers themselves, as each note says.
public enum DefaultSources {
    /// The KISS-MD markers: `.` a small value kept confidential, `-` nothing.
    static let markers = [SourceMarker(".", .unknown), SourceMarker("-", .nothing)]

    /// K3_T33 (W01 insgesamt), K3_T41 and K3_T38 (W01 nichtdeutsch), attributed to department 12.
    public static let kissMD: [SourceMapping] = [
        SourceMapping(
            table: "K3_T33", department: "12", yearColumn: 0, districtColumn: 1, cityKey: "15003", columnCount: 8, markers: markers,
            columns: [SourceColumn(column: 5, header: "K3_T33_var6", indicator: "W01", category: "insgesamt")],
            note: "Fläche und Einwohnerdichte: var3 Fläche in ha, var4 wohnberechtigte Bevölkerung, var5 deren Dichte je ha, "
                + "var6 Bevölkerung mit Hauptwohnsitz, var7 deren Dichte. var4 und var6 gleichen K3_T32 var5 (wohnberechtigt) "
                + "und var8 (Hauptwohnsitz) Zahl für Zahl; die wohnberechtigte Bevölkerung ist die größere."),
        SourceMapping(
            table: "K3_T41", department: "12", yearColumn: 0, districtColumn: 1, cityKey: "15003", columnCount: 4, markers: markers,
            columns: [SourceColumn(column: 2, header: "K3_T41_var3", indicator: "W01", category: "nichtdeutsch")],
            note: "Entwicklung der ausländischen Hauptwohnsitzbevölkerung: var3 gleicht K3_T38 var8 und K3_T39 var8 "
                + "(ausländische Hauptwohnsitzbevölkerung insgesamt)."),
        SourceMapping(
            table: "K3_T38", department: "12", yearColumn: 0, districtColumn: 1, cityKey: "15003", columnCount: 9, markers: markers,
            columns: [SourceColumn(column: 7, header: "K3_T38_var8", indicator: "W01", category: "nichtdeutsch")],
            note: "Ausländische wohnberechtigte und Hauptwohnsitzbevölkerung nach Geschlecht: var3–var5 wohnberechtigt, "
                + "var6–var8 Hauptwohnsitz (var8 insgesamt, gleich K3_T41 var3). Welche von var6/var7 männlich und welche "
                + "weiblich ist, steht in der Datei nicht; sie sind deshalb nicht zugeordnet."),
    ]
}
