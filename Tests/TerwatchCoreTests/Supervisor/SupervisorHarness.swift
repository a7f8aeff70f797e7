import Foundation
import Synchronization
import Testing
@testable import TerwatchCore

/// A `ChildSupervisor` under test: its children's stdout and stderr on one pipe read line by line, its events recorded, every wait bounded, and the child's group killed at the end.
final class SupervisorHarness: Sendable {
    /// A Python child that prints `ready` and one line per signal, each line starting with who prints it and its pid.
    ///
    /// Environment switches: `EXIT_AT_ONCE=N` exits with N before anything else;
    /// `COUNT_FILE` + `CRASHES=N` exits with 1 on each of the first N starts;
    /// `PORT` binds 127.0.0.1:PORT (exit 3 when taken); `GRANDCHILD=1` forks a
    /// grandchild that traps the same signals and never exits on TERM (it keeps
    /// the port); `IGNORE_TERM=1` makes the child ignore TERM too;
    /// `HOLD_ON_TERM=FIFO` makes the child, on TERM, wait until the FIFO is
    /// written and closed before exiting.
    static let childScript = """
        import os, signal, socket, sys

        def say(who, text):
            # One write per line: the child and the grandchild share the pipe.
            os.write(1, f"{who} {os.getpid()} {text}\\n".encode())

        def trap(who, exit_on_term):
            def handler(number, frame):
                say(who, "got " + signal.Signals(number).name)
                if number == signal.SIGTERM and exit_on_term:
                    hold = os.environ.get("HOLD_ON_TERM")
                    if hold:
                        with open(hold) as gate:
                            gate.read()
                    sys.exit(0)
            for number in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGINT):
                signal.signal(number, handler)

        if "EXIT_AT_ONCE" in os.environ:
            say("child", "exiting")
            sys.exit(int(os.environ["EXIT_AT_ONCE"]))
        if "COUNT_FILE" in os.environ:
            with open(os.environ["COUNT_FILE"], "a") as count:
                count.write("start\\n")
            with open(os.environ["COUNT_FILE"]) as count:
                starts = len(count.readlines())
            if starts <= int(os.environ.get("CRASHES", "0")):
                say("child", f"crashing on start {starts}")
                sys.exit(1)
        listener = None
        if "PORT" in os.environ:
            listener = socket.socket()
            try:
                listener.bind(("127.0.0.1", int(os.environ["PORT"])))
            except OSError as error:
                say("child", f"bind failed: {error.strerror}")
                sys.exit(3)
            listener.listen()
        if "GRANDCHILD" in os.environ:
            ready_read, ready_write = os.pipe()
            if os.fork() == 0:
                os.close(ready_read)
                trap("grandchild", exit_on_term=False)
                say("grandchild", "ready")
                os.close(ready_write)
                while True:
                    signal.pause()
            os.close(ready_write)
            os.read(ready_read, 1)
            if listener:
                listener.close()
        trap("child", exit_on_term="IGNORE_TERM" not in os.environ)
        say("child", "ready generation " + os.environ.get("GENERATION", "?"))
        while True:
            signal.pause()
        """

    /// Where the script and any file a test needs live.
    let directory: TemporaryDirectory
    /// The supervisor under test.
    let supervisor: ChildSupervisor
    private let output: (read: Int32, write: Int32)
    private let buffered = Mutex<[UInt8]>([])
    private let read = Mutex<[String]>([])
    private let recorded = Mutex<[SupervisorEvent]>([])

    /// A harness running the child script (or `command`, when given) under `policy`.
    init(policy: SupervisorPolicy = SupervisorPolicy(), command: ChildCommand? = nil) throws {
        directory = try TemporaryDirectory()
        let script = try directory.write("child.py", Self.childScript)
        output = try SystemCall.pipe()
        try SystemCall.setNonBlocking(output.read)
        var command = command ?? ChildCommand(executable: "/usr/bin/python3", arguments: [script])
        command.standardOutput = .descriptor(output.write)
        command.standardError = .descriptor(output.write)
        supervisor = ChildSupervisor(command: command, policy: policy)
        let events = supervisor.events
        Task { [self] in
            for await event in events { recorded.withLock { $0.append(event) } }
        }
    }

    /// Runs `body` with a new harness, then stops the child with SIGKILL (its whole group) and waits for the supervisor to finish, even when `body` throws.
    static func run(
        policy: SupervisorPolicy = SupervisorPolicy(), command: ChildCommand? = nil,
        _ body: (SupervisorHarness) async throws -> Void
    ) async throws {
        let harness = try SupervisorHarness(policy: policy, command: command)
        do {
            try await body(harness)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    /// The configuration of `generation`: `GENERATION=n` and `extra` entries.
    func configuration(_ generation: Int, _ extra: [String] = []) -> ChildConfiguration {
        ChildConfiguration(environment: ["GENERATION=\(generation)"] + extra, generation: generation)
    }

    /// Every line read so far.
    var lines: [String] { read.withLock { $0 } }

    /// Every event so far.
    var events: [SupervisorEvent] { recorded.withLock { $0 } }

    /// The first event so far that `matches` picks, waiting for it up to the deadline (the test fails without it).
    func event<Value>(
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ matches: (SupervisorEvent) -> Value?
    ) async -> Value? {
        var found: Value?
        let seen = await ProcessProbe.eventually {
            found = events.lazy.compactMap(matches).first
            return found != nil
        }
        if !seen { Issue.record("no \(what) event; events: \(events)", sourceLocation: sourceLocation) }
        return found
    }

    /// The pid of the `index`th child started (0-based).
    func startedPid(_ index: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) async -> Int32? {
        await event("started #\(index)", sourceLocation: sourceLocation) { _ in
            let pids = events.compactMap { if case .started(let pid, _) = $0 { pid } else { nil } }
            return pids.count > index ? pids[index] : nil
        }
    }

    /// How the supervisor finished, waiting up to the deadline.
    func finished(sourceLocation: SourceLocation = #_sourceLocation) async -> ExitStatus? {
        await event("finished", sourceLocation: sourceLocation) { if case .finished(let status) = $0 { status } else { nil } }
    }

    /// The next line the children printed, waiting up to the deadline; nil (and a test failure) without one.
    func nextLine(sourceLocation: SourceLocation = #_sourceLocation) async -> String? {
        var line: String?
        let seen = await ProcessProbe.eventually {
            line = takeLine()
            return line != nil
        }
        if let line { read.withLock { $0.append(line) } }
        if !seen { Issue.record("no line from the child", sourceLocation: sourceLocation) }
        return line
    }

    /// The next line whose words after the pid are `text`, skipping others; returns the pid that printed it.
    func pid(printing text: String, sourceLocation: SourceLocation = #_sourceLocation) async -> Int32? {
        while let line = await nextLine(sourceLocation: sourceLocation) {
            let words = line.split(separator: " ", maxSplits: 2)
            if words.count == 3, words[2] == text, let pid = Int32(words[1]) { return pid }
        }
        return nil
    }

    private func takeLine() -> String? {
        buffered.withLock { buffered in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = Glibc.read(output.read, &chunk, chunk.count)
                guard count > 0 else { break }
                buffered += chunk[..<count]
            }
            guard let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            defer { buffered.removeSubrange(...newline) }
            return String(decoding: buffered[..<newline], as: UTF8.self)
        }
    }

    private func tearDown() async {
        await supervisor.stop(signal: .kill)
        if await ProcessProbe.eventually({ events.contains { if case .finished = $0 { true } else { false } } }) == false {
            Issue.record("the supervisor did not finish; events: \(events)")
        }
        close(output.read)
        close(output.write)
    }
}

/// Small process facts the supervisor tests check.
enum SupervisorProbe {
    /// A TCP port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.init(rawValue: errno)!) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The `Name:` line of /proc/PID/status without the name (`SigBlk`, `SigIgn`…); nil when there is no such process.
    static func status(_ name: String, of pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// The descriptor numbers `pid` has open, sorted.
    static func descriptors(of pid: Int32) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).compactMap { Int($0) }.sorted()
    }

    /// The start time of `pid` since boot in clock ticks (field 22 of /proc/PID/stat), which tells a pid's reuse apart.
    static func startTime(of pid: Int32) -> String? {
        guard let fields = ProcessProbe.stat(of: pid), fields.count > 19 else { return nil }
        return String(fields[19])
    }
}
