/// An upload in conflict with another department's values, kept in the
/// store (its bytes) until a coordinator decides which values stand.
public struct HeldUpload: Sendable, Equatable {
    public var id: Int64
    /// The name the browser sent, for people only: it never becomes a path.
    public var fileName: String
    public var sha256: String
    public var department: String
    public var year: Int
    public var uploadedAt: String
    public var uploadedBy: String
    public var conflicts: Int
    public var bytes: [UInt8]

    public init(id: Int64 = 0, fileName: String, sha256: String, department: String, year: Int, uploadedAt: String,
                uploadedBy: String, conflicts: Int, bytes: [UInt8]) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.department = department
        self.year = year
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
        self.conflicts = conflicts
        self.bytes = bytes
    }
}
