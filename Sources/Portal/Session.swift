import Operations

/// A logged-in browser: who it is, its CSRF token, when it ends, and the
/// feedback copies made for it (downloadable only by it).
struct Session: Sendable {
    var token: String
    var account: Account
    /// Sent back in `X-CSRF-Token` with every state-changing request: a page of
    /// another site cannot read it, so it cannot forge those requests.
    var csrfToken: String
    var expires: Double
    var feedback: [String: KeptFeedback] = [:]
}

/// An annotated copy of an upload, kept for its session to download.
struct KeptFeedback: Sendable {
    var fileName: String
    /// `xlsx` or `ods`, as the upload.
    var format: String
    var bytes: [UInt8]
}
