#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own for one side of a `ChunkRing` (not a dispatch
/// worker: those may all be busy with threads waiting for this very one).
/// `join` is called from one thread at a time.
public final class WorkerThread: @unchecked Sendable {
    private var thread: pthread_t
    private var joined = false

    private init(thread: pthread_t) { self.thread = thread }

    /// Whether a thread of its own can run beside this one: more than one
    /// processor is online.
    public static var hasSecondCore: Bool { sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 }

    /// Nil when the system would not start one.
    public static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let result = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        #if canImport(Glibc)
        return WorkerThread(thread: thread)
        #else
        return WorkerThread(thread: thread!)
        #endif
    }

    /// Waits for the thread to end.
    public func join() {
        guard !joined else { return }
        joined = true
        pthread_join(thread, nil)
    }

    /// A thread nobody waited for is left to end on its own.
    deinit {
        if !joined { pthread_detach(thread) }
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
