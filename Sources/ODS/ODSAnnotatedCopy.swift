import Spreadsheet
import Zip

/// A feedback copy of an OpenDocument spreadsheet made inside the file as
/// it was submitted: `content.xml` (or the flat document) gets the additions
/// of `ContentAnnotation`, `styles.xml` the protocol's page styles, and the
/// view settings open it on the protocol; every other part of the package is
/// copied as stored (not inflated and deflated again), in its order,
/// `mimetype` first as ODF requires (ODF 1.2 Part 3, 3.3). Written to a
/// temporary file and renamed.
public enum ODSAnnotatedCopy {
    public static func write(source: String, _ annotations: WorkbookAnnotations, to path: String) throws {
        let file = try MappedFile(path: source)
        let isZip = file.bytes.count >= 4 && file.bytes[0] == 0x50 && file.bytes[1] == 0x4B
        if !isZip {
            var edited = try ContentAnnotation.apply(annotations, to: Array(file.bytes), part: "document", flat: true)
            edited = try ActiveTableSetting.pointing(edited, at: annotations.firstSheet.name, part: "document") ?? edited
            let out = try AtomicFile(path: path)
            do {
                try out.write(edited)
                try out.commit()
            } catch {
                out.cancel()
                throw error
            }
            return
        }
        let zip = try withPart("package") { try ZipArchive(file: file) }
        guard let content = try withPart("content.xml", { try zip.data(named: "content.xml") }) else { throw ODSError.missingContent }
        let edited = try ContentAnnotation.apply(annotations, to: content, part: "content.xml", flat: false)
        // The protocol prints landscape: its page style goes into styles.xml.
        let styles = try zip.entry(named: "styles.xml").map { entry in
            try ContentAnnotation.addPages(to: withPart("styles.xml") { try zip.data(of: entry) })
        }
        let out = try AtomicFile(path: path)
        do {
            let writer = ZipStreamWriter(file: out)
            for entry in zip.entries {
                var changed: [UInt8]?
                switch entry.name {
                case "content.xml": changed = edited
                case "styles.xml": changed = styles
                case "settings.xml":
                    changed = try ActiveTableSetting.pointing(withPart(entry.name) { try zip.data(of: entry) },
                                                              at: annotations.firstSheet.name, part: entry.name)
                default: break
                }
                guard let bytes = changed else {
                    // As stored: not inflated and deflated again.
                    try writer.copy(entry, storedBytes: try withPart(entry.name) { try zip.storedBytes(of: entry) })
                    continue
                }
                try writer.beginEntry(entry.name, compression: entry.method == 0 ? .stored : .deflate(level: 6))
                try writer.write(bytes)
                try writer.endEntry()
            }
            try writer.finish()
            try out.commit()
        } catch {
            out.cancel()
            throw error
        }
    }
}
