import Foundation
import Operations
import Synchronization

/// The sessions of logged-in browsers, in memory: a restart logs everyone out.
final class SessionBook: Sendable {
    private let sessions = Mutex<[String: Session]>([:])
    let lifetime: Double

    init(lifetime: Double) {
        self.lifetime = lifetime
    }

    /// A new session for `account`, with fresh random tokens.
    func open(_ account: Account) -> Session {
        let session = Session(token: Self.randomToken(), account: account, csrfToken: Self.randomToken(), expires: Self.now() + lifetime)
        sessions.withLock { all in
            let now = Self.now()
            all = all.filter { $0.value.expires > now }
            all[session.token] = session
        }
        return session
    }

    /// The session of `token` while it has not expired.
    func session(_ token: String) -> Session? {
        sessions.withLock { all in
            guard let session = all[token] else { return nil }
            guard session.expires > Self.now() else {
                all[token] = nil
                return nil
            }
            return session
        }
    }

    func close(_ token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// Keeps a feedback copy for the session; returns its number.
    func keep(_ copy: KeptFeedback, for token: String) -> String {
        let id = Self.randomToken()
        sessions.withLock { all in
            // A handful per session: the latest uploads' copies, not every one ever made.
            if var session = all[token] {
                if session.feedback.count >= 20, let oldest = session.feedback.keys.first { session.feedback[oldest] = nil }
                session.feedback[id] = copy
                all[token] = session
            }
        }
        return id
    }

    func feedback(_ id: String, for token: String) -> KeptFeedback? {
        sessions.withLock { $0[token]?.feedback[id] }
    }

    /// 32 random bytes (from the system's generator) as URL-safe base64.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func now() -> Double { Date().timeIntervalSince1970 }
}
