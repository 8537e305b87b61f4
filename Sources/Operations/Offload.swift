import Dispatch

/// Runs blocking work (reading workbooks, SQLite, writing reports) on a
/// thread of its own, so that a server's event loop keeps answering.
public enum Offload {
    private static let queue = DispatchQueue(label: "imon.offload", attributes: .concurrent)

    /// The result of `body`, computed off the caller's thread.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
