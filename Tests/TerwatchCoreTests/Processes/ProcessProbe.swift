import Foundation
import Testing
@testable import TerwatchCore

/// Bounded waits and /proc readings shared by the process tests.
enum ProcessProbe {
    /// How long any one wait in these tests may take before the test fails.
    static let deadline: Duration = .seconds(30)

    /// Waits until `condition` holds, checking every 10 ms, for at most `limit`; returns whether it held.
    static func eventually(within limit: Duration = deadline, _ condition: () -> Bool) async -> Bool {
        let end = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= end { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// How `pid` ended, reaped through the shared watcher; killed (and the test failed) past the deadline.
    static func exitStatus(of pid: pid_t) async throws -> ExitStatus {
        let guardian = Task {
            try await Task.sleep(for: deadline)
            kill(pid, SIGKILL)
            Issue.record("pid \(pid) ran past the test deadline")
        }
        defer { guardian.cancel() }
        return try await ChildExitWatcher.shared.exitStatus(of: pid)
    }

    /// Runs `spawner` with its stdout on a pipe; returns its status and everything it printed.
    static func capture(_ spawner: Spawner) async throws -> (status: ExitStatus, output: String) {
        let ends = try SystemCall.pipe()
        var spawner = spawner
        spawner.standardOutput = .descriptor(ends.write)
        let pid: pid_t
        do {
            pid = try spawner.spawn()
        } catch {
            close(ends.read)
            close(ends.write)
            throw error
        }
        close(ends.write)
        let output = readToEnd(ends.read)
        close(ends.read)
        return (try await exitStatus(of: pid), output)
    }

    /// Reads `descriptor` until end of file, waiting in `poll()` for at most the deadline in all.
    static func readToEnd(_ descriptor: Int32) -> String {
        let end = ContinuousClock.now + deadline
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = end - ContinuousClock.now
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard left > .zero, poll(&request, 1, Int32(left.components.seconds * 1000)) > 0 else {
                Issue.record("output did not end before the test deadline")
                break
            }
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What each of this process's descriptors refers to (`pipe:[…]`, `anon_inode:[pidfd]`, a path…).
    static func descriptorTargets() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
    }

    /// How many descriptors of the kinds the process layer opens (pipes, pidfds, eventfds) this process holds.
    static func processLayerDescriptorCount() -> Int {
        descriptorTargets().filter {
            $0.hasPrefix("pipe:") || $0 == "anon_inode:[pidfd]" || $0 == "anon_inode:[eventfd]"
        }.count
    }

    /// The ids of this process's threads named `name`.
    static func threads(named name: String) -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter {
            (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)) == name + "\n"
        }
    }

    /// The fields of /proc/PID/stat after the parenthesised name: state (`R`, `S`, `Z`…), parent, group, session…; nil when there is no such process.
    static func stat(of pid: pid_t) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[close...].dropFirst(2).split(separator: " ")
    }

    /// The state letter of `pid` (`R`, `S`, `Z`…); nil when there is no such process.
    static func state(of pid: pid_t) -> Character? {
        stat(of: pid)?.first?.first
    }

    /// Whether `pid` no longer runs: no such process, or a zombie nobody has reaped yet.
    static func isGone(_ pid: pid_t) -> Bool {
        let state = state(of: pid)
        return state == nil || state == "Z"
    }

    /// The processes still running (not zombies) whose process group is `group`.
    static func liveMembers(ofGroup group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let fields = stat(of: pid), fields.count > 2 else { return false }
            return fields[0] != "Z" && pid_t(fields[2]) == group
        }
    }

    /// A hook runner with a deadline long enough never to fire in a passing test.
    static let runner = HookRunner(timeout: deadline)
}
