import Foundation
import Glibc
import Testing

/// Every end-to-end test of wrap mode, one at a time: each runs terwatch with a real child.
@Suite(.serialized) enum RunTests {}

/// A sandbox holding `.env` and `child.sh`, and `terwatch [arguments] -- /bin/sh child.sh` running there.
///
/// The child writes to stderr (terwatch's stderr, which the test reads):
/// `ready PID G=$G` once its traps are set, then `got SIG PID` for each of
/// HUP, USR1 and TERM; on TERM it exits with `$TERM_STATUS` (default 0).
final class RunSession {
    /// The child script: traps, `ready`, then idles in `wait`, so each signal is handled at once.
    static let childScript = """
        trap 'echo "got HUP $$" >&2' HUP
        trap 'echo "got USR1 $$" >&2' USR1
        trap 'echo "got TERM $$" >&2; exit ${TERM_STATUS:-0}' TERM
        echo "ready $$ G=$G" >&2
        while :; do sleep 30 & wait $!; done
        """

    let sandbox: Sandbox
    let terwatch: AgentProcess

    /// Writes `.env` (`env`), `child.sh` (`script`) and runs `prepare`, then starts terwatch with `arguments` (on `terminal`, if given).
    init(
        env: String = "G=one\n", script: String = RunSession.childScript, _ arguments: [String] = [],
        environment: [String: String] = [:], terminal: PseudoTerminal? = nil, prepare: (Sandbox) throws -> Void = { _ in }
    ) throws {
        sandbox = try Sandbox()
        try sandbox.write(".env", env)
        try sandbox.write("child.sh", script)
        try prepare(sandbox)
        terwatch = try AgentProcess(
            sandbox, ["-f", ".env", "--debounce", "0"] + arguments + ["--", "/bin/sh", "child.sh"],
            environment: environment, terminal: terminal)
    }

    /// Waits for the `ready` line with `value`, at or after stderr line `from`; returns the child's pid.
    func ready(_ value: String, from: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32 {
        let line = try logLine("ready ", from: from, sourceLocation: sourceLocation)
        let fields = line.split(separator: " ")
        #expect(fields.count == 3 && fields[2] == "G=\(value)", "\(line)", sourceLocation: sourceLocation)
        return try #require(Int32(fields[1]), sourceLocation: sourceLocation)
    }

    /// Waits for a stderr line containing `text` at or after line `from`; fails showing stderr otherwise.
    @discardableResult
    func logLine(_ text: String, from: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(terwatch.waitForLine(containing: text, from: from), "no line with '\(text)':\n\(terwatch.errorOutput)",
                     sourceLocation: sourceLocation)
    }

    /// The number of stderr lines so far: a mark for `logLine(_:from:)`.
    var mark: Int { terwatch.lines.count }

    /// Replaces `.env` atomically (write, then rename), as editors save.
    func save(_ text: String) throws {
        try sandbox.write(".env.new", text)
        try sandbox.sh("mv .env.new .env")
    }

    /// Waits until `pid` has neither a live process nor a zombie; false at the deadline.
    static func waitUntilGone(_ pid: Int32, within limit: TimeInterval = AgentProcess.deadline) -> Bool {
        ProcStat.eventually(within: limit) { ProcStat(pid) == nil }
    }

    /// The zombies whose parent is `parent`, from /proc.
    static func zombies(of parent: Int32) -> [Int32] {
        ProcStat.all().filter { $0.stat.state == "Z" && $0.stat.parent == parent }.map(\.pid)
    }
}
