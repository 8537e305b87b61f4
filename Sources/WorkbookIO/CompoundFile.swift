/// Recognition of OLE2 compound files ([MS-CFB]), which imon does not read:
/// a legacy Excel 97–2003 workbook, or an encrypted OOXML workbook (Office
/// puts a password-protected .xlsx into a compound file with an
/// `EncryptedPackage` stream, [MS-OFFCRYPTO] 2.3.4.4).
enum CompoundFile {
    /// What the compound file holds, judged by its directory entry names
    /// (stored as UTF-16LE).
    static func describe(_ bytes: UnsafeRawBufferPointer) -> WorkbookError {
        if contains(bytes, utf16: "EncryptedPackage") || contains(bytes, utf16: "EncryptionInfo") {
            return WorkbookError(location: "file", reason:
                "the workbook is password-protected (encrypted); open it in Excel or LibreOffice and save it as .xlsx without a password")
        }
        if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") {
            return WorkbookError(location: "file", reason:
                "this is a legacy Excel 97-2003 workbook (.xls), which is not supported; save it as .xlsx or .ods")
        }
        return WorkbookError(location: "file", reason:
            "this is an OLE2 compound document, not an XLSX or ODS workbook; save it as .xlsx or .ods")
    }

    private static func contains(_ bytes: UnsafeRawBufferPointer, utf16 name: String) -> Bool {
        let needle = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
