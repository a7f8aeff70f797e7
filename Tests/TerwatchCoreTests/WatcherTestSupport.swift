import Foundation
import Glibc
import Synchronization
import Testing
@testable import TerwatchCore

/// Every test that starts an inotify thread runs in here, one at a time: libinotifytools has one state per process.
@Suite(.serialized) enum WatcherIntegration {}

/// A started watcher and everything it reported.
struct WatchHarness {
    let watcher: Watcher
    let events = Recorder<WatchEvent>()
    /// The directories the test uses, removed by `stop()` and not before.
    let directories: [TemporaryDirectory]

    init(_ sources: [String], in directories: TemporaryDirectory...) async throws {
        self.directories = directories
        watcher = Watcher(sources: sources)
        try await watcher.start()
        events.follow(watcher.events)
    }

    /// Stops the watcher and removes the directories.
    func stop() async {
        await watcher.stop()
        withExtendedLifetime(directories) {}
    }

    /// Does `change`, then waits (bounded) for a watcher event after which `settled` holds.
    func reports(_ change: () -> Void, until settled: @escaping @Sendable (Watcher) async -> Bool) async -> Bool {
        let mark = events.values.count
        change()
        return await events.waitUntil(after: mark) { [watcher] _ in await settled(watcher) }
    }

    /// Does `change`, then waits (bounded) for a report after which `path` holds `text`.
    func reports(_ change: () -> Void, content text: String, at path: String) async -> Bool {
        await reports(change) { _ in Disk.read(path) == text }
    }
}

/// Runs `body`, or gives up at the deadline and returns nil.
func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask { try? await Task.sleep(for: limit); return nil }
        let first = await group.next()!
        group.cancelAll()
        return first
    }
}

/// Values recorded from another thread, waited for with a deadline.
final class Recorder<Value: Sendable>: Sendable {
    private struct State {
        var values: [Value] = []
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Everything recorded so far.
    var values: [Value] { state.withLock { $0.values } }

    /// Records one value and wakes every waiter.
    func record(_ value: Value) {
        let waiters = state.withLock { state in
            state.values.append(value)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Consumes `stream` into the recorder in the background.
    func follow(_ stream: AsyncStream<Value>) {
        Task { for await value in stream { self.record(value) } }
    }

    /// Waits until more than `count` values are recorded or `deadline` passes.
    func waitForMore(than count: Int, until deadline: ContinuousClock.Instant) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id: Int? = state.withLock { state in
                guard state.values.count <= count else { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let id else { return continuation.resume() }
            Task {
                try? await Task.sleep(until: deadline)
                state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
            }
        }
    }

    /// Waits for a value recorded after the first `mark` after which `condition` holds; false at the deadline.
    func waitUntil(
        after mark: Int, within limit: Duration = .seconds(10),
        _ condition: @Sendable ([Value]) async -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now + limit
        var checked = mark
        while true {
            let values = self.values
            if values.count > checked {
                checked = values.count
                if await condition(values) { return true }
                continue
            }
            guard ContinuousClock.now < deadline else { return false }
            await waitForMore(than: checked, until: deadline)
        }
    }
}

/// Small file operations done with the exact system calls a saving program makes.
enum Disk {
    /// Opens with `flags`, writes `text`, closes: one CLOSE_WRITE.
    static func write(_ path: String, _ text: String, flags: Int32 = O_WRONLY | O_CREAT | O_TRUNC) {
        let fd = open(path, flags | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "open '\(path)' failed: \(errno)")
        let bytes = Array(text.utf8)
        precondition(Glibc.write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
    }

    /// The content of a file (following symlinks), or nil.
    static func read(_ path: String) -> String? {
        LiveFileSystem.contents(of: path).flatMap { FileManager.default.fileExists(atPath: path) ? $0 : nil }
    }

    static func rename(_ from: String, _ to: String) { precondition(Glibc.rename(from, to) == 0, "rename '\(from)' failed") }
    static func symlink(_ target: String, at path: String) { precondition(Glibc.symlink(target, path) == 0, "symlink '\(path)' failed") }
    static func unlink(_ path: String) { precondition(Glibc.unlink(path) == 0, "unlink '\(path)' failed") }
    static func mkdir(_ path: String) { precondition(Glibc.mkdir(path, 0o755) == 0, "mkdir '\(path)' failed") }
    static func removeTree(_ path: String) { try! FileManager.default.removeItem(atPath: path) }
}

/// Runs a program with posix_spawn; returns its exit status and standard output.
func spawn(_ arguments: [String]) -> (status: Int32, output: String) {
    var pipeEnds: [Int32] = [0, 0]
    precondition(pipe(&pipeEnds) == 0)
    for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    close(pipeEnds[1])
    precondition(code == 0, "posix_spawn '\(arguments[0])' failed: \(code)")
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = Glibc.read(pipeEnds[0], &chunk, chunk.count)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        output += chunk[..<count]
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status, String(decoding: output, as: UTF8.self))
}

/// A field of /proc/self/task/TID/status, such as `voluntary_ctxt_switches` or `State`.
func taskStatus(_ taskID: Int32, _ field: String) -> String? {
    guard let text = LiveFileSystem.contents(of: "/proc/self/task/\(taskID)/status") else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces)
    }
    return nil
}
