/// How far a long operation has come, for a terminal line or a server log.
public enum OperationProgress: Sendable, Equatable {
    /// Files read and validated so far, of all.
    case checked(done: Int, of: Int)
    /// Files whose merge is committed so far, of all.
    case merged(done: Int, of: Int)
}

/// Told of progress from any thread: the checks run in parallel.
public typealias ProgressHandler = @Sendable (OperationProgress) -> Void
