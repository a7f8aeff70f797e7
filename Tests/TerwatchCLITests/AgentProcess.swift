import Foundation
import Glibc

/// A long-running process — `terwatch watch`, or a test daemon — started in a sandbox, in a session of its own, with its stderr (or terminal) read line by line.
///
/// Every wait has a deadline. `stop()` (also run on release) ends every
/// process of the session: terwatch, its hooks and whatever they started.
final class AgentProcess: @unchecked Sendable {
    /// How long any single wait may take before the test fails.
    static let deadline: TimeInterval = 20

    /// The process's pid, which is also its session and process group id.
    let pid: pid_t
    private let stderr = LineCollector()
    private var reaped = false
    private var status: Int32 = 0

    /// Starts `executable arguments…` (terwatch unless told) in `sandbox` with the base environment plus `environment`.
    ///
    /// On a `terminal`, the process has it as its controlling terminal (it is
    /// the terminal's foreground group) and as stdin, stdout and stderr, and
    /// `lines` are what it writes there; otherwise stdin and stdout are
    /// /dev/null and `lines` are its stderr.
    init(
        _ sandbox: Sandbox, _ arguments: [String], executable: String = Sandbox.terwatch.path,
        environment: [String: String] = [:], terminal: PseudoTerminal? = nil
    ) throws {
        var ends: [Int32] = [0, 0]
        if let terminal {
            ends = [dup(terminal.master), -1]
            guard ends[0] >= 0 else { throw POSIXError(.EMFILE) }
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        } else {
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let terminal {
            // Opened after setsid (posix_spawn runs the file actions last), so it becomes the controlling terminal.
            posix_spawn_file_actions_addopen(&actions, 0, terminal.path, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (not imported): a new session, so teardown finds every descendant; and a
        // clean signal state, whatever the spawning test thread blocks (a daemon must see its SIGHUP).
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // sh changes to the sandbox, then execs the program, which keeps the pid.
        let launcher = ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, sandbox.directory.path, executable]
        let argv = (launcher + arguments).map { strdup($0) } + [nil]
        let variables = sandbox.environment.merging(environment) { $1 }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let code = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, envp)
        if ends[1] >= 0 { close(ends[1]) }
        guard code == 0 else {
            close(ends[0])
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        pid = child
        stderr.follow(ends[0])
    }

    deinit {
        stop()
    }

    /// Every stderr line so far.
    var lines: [String] { stderr.lines }

    /// Everything written to stderr so far.
    var errorOutput: String { lines.map { $0 + "\n" }.joined() }

    /// The first stderr line at index `from` or later that contains `text`, waiting for it until the deadline.
    @discardableResult
    func waitForLine(containing text: String, from: Int = 0, within limit: TimeInterval = deadline) -> String? {
        stderr.wait(within: limit) { lines, _ in
            lines.count > from ? lines[from...].first { $0.contains(text) } : nil
        }
    }

    /// Waits for the `watching` line that says the first load committed and every change is now seen.
    func waitUntilWatching() -> Bool {
        waitForLine(containing: "terwatch: watching ") != nil
    }

    /// Sends `signal` to the process alone.
    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to exit and returns its status (128+N for death by signal N); nil at the deadline.
    func waitForExit(within limit: TimeInterval = deadline) -> Int32? {
        if reaped { return status }
        guard stderr.wait(within: limit, { _, ended in ended ? true : nil }) != nil else { return nil }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        reaped = true
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return status
    }

    /// Kills every process of the session and reaps the process.
    func stop() {
        for member in Self.sessionMembers(pid) { kill(member, SIGKILL) }
        if !reaped {
            kill(pid, SIGKILL)
            _ = waitForExit(within: 10)
        }
    }

    /// `pid: command line` of each process of the session, for failure messages.
    static func describeSession(_ session: pid_t) -> String {
        sessionMembers(session).map { pid in
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return "\(pid): " + String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        }.joined(separator: "\n")
    }

    /// The live processes (zombies left out: they run nothing) whose session id is `session`, from /proc.
    static func sessionMembers(_ session: pid_t) -> [pid_t] {
        ProcStat.all().filter { $0.stat.state != "Z" && $0.stat.session == session }.map(\.pid)
    }
}

/// Lines read from a descriptor on a thread of their own; waiters wake at each new line.
final class LineCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var collected: [String] = []
    private var partial: [UInt8] = []
    private var finished = false

    /// The complete lines read so far.
    var lines: [String] {
        condition.lock()
        defer { condition.unlock() }
        return collected
    }

    /// Reads `descriptor` until end of file on a new thread, then closes it.
    func follow(_ descriptor: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                append(buffer[..<count])
            }
            close(descriptor)
            condition.lock()
            if !partial.isEmpty { collected.append(String(decoding: partial, as: UTF8.self)) }
            partial = []
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    private func append(_ bytes: ArraySlice<UInt8>) {
        condition.lock()
        defer { condition.unlock() }
        partial += bytes
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            collected.append(String(decoding: partial[..<newline], as: UTF8.self))
            partial.removeSubrange(...newline)
        }
        condition.broadcast()
    }

    /// Waits until `check` returns a value for the lines read so far and whether the end was reached; nil at the deadline or when the end came first.
    func wait<T>(within limit: TimeInterval, _ check: ([String], _ ended: Bool) -> T?) -> T? {
        let end = Date().addingTimeInterval(limit)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = check(collected, finished) { return found }
            if finished { return nil }
            guard condition.wait(until: end) else { return check(collected, finished) }
        }
    }
}
