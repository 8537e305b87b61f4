import Dispatch
import HTTPTypes
import Hummingbird
import Synchronization

/// Runs the portal from synchronous code (the CLI) until the process is stopped.
public enum PortalRunner {
    /// Blocks until the server stops (SIGINT or SIGTERM end it gracefully).
    public static func run(_ portal: Portal) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await portal.application().runService() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw error }
    }
}

private final class FailureBox: Sendable {
    private let error = Mutex<(any Error)?>(nil)
    func set(_ e: any Error) { error.withLock { $0 = e } }
    func get() -> (any Error)? { error.withLock { $0 } }
}
