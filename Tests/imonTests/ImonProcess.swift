import Foundation
import XCTest

/// Runs the built `imon` executable as a user runs it.
enum ImonProcess {
    struct Outcome {
        var status: Int32
        var out: String
        var err: String
        /// Wall time of the run, in seconds.
        var seconds: Double
        /// Peak resident memory of the process, in MiB.
        var peakMiB: Double
    }

    /// The built `imon`, or the one `IMON_UNDER_TEST` names (to run the
    /// tests against another build, e.g. an earlier version's).
    static var executable: URL {
        if let other = ProcessInfo.processInfo.environment["IMON_UNDER_TEST"] { return URL(fileURLWithPath: other) }
        var url = Bundle(for: CommandLineTests.self).bundleURL
        while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" || url.lastPathComponent == "MacOS" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("imon")
    }

    /// Runs `imon` (or `program`) with `arguments`, its output going to files (so that
    /// the exact peak memory of this one process can be taken from wait4).
    static func run(_ arguments: [String], executable program: String? = nil) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("out").path
        let errPath = directory.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let path = program ?? executable.path
        // A process spawned from this one starts with this one's resident
        // memory as its peak (the kernel carries it across exec), and the test
        // process grows with the tests before it. GNU time forks the command
        // from its own small process and reports that process's true peak.
        let timer = "/usr/bin/time", peakPath = directory.appendingPathComponent("peak").path
        let timed = FileManager.default.isExecutableFile(atPath: timer)
        let command = timed ? [timer, "-f", "%M", "-o", peakPath, path] + arguments : [path] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid = pid_t()
        // The kernel gives a spawned process the peak of the memory it was
        // spawned from (the test process, which other tests may have grown):
        // start that peak anew from what the test process holds now.
        resetPeakMemory()
        let started = Date()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exited = (status & 0x7F) == 0
        var peakKiB = Double(usage.ru_maxrss)
        if timed, let text = try? String(contentsOfFile: peakPath, encoding: .utf8),
           let last = text.split(separator: "\n").last, let kib = Double(last.trimmingCharacters(in: .whitespaces)) {
            peakKiB = kib
        }
        return Outcome(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                       out: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       err: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                       seconds: seconds, peakMiB: peakKiB / 1024)
    }

    /// Resets this process's peak resident memory to its current one
    /// (`/proc/self/clear_refs`, Linux 4.0 and later).
    private static func resetPeakMemory() {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return }
        fputs("5", file)
        fclose(file)
    }
}
