import Foundation
import Glibc
import Testing

/// Whether processes may be started in a new pid namespace here: `unshare --pid --fork --mount-proc` needs root (or unprivileged user namespaces).
enum PIDNamespace {
    /// Tried once: `unshare --pid --fork --mount-proc /bin/true` exits 0.
    static let isAvailable: Bool = {
        let result = try? ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/unshare"), ["--pid", "--fork", "--mount-proc", "/bin/true"],
            in: FileManager.default.temporaryDirectory, environment: Sandbox.baseEnvironment)
        return result?.status == 0
    }()

    /// The arguments of `unshare` that run `command` as PID 1 of a new pid namespace with its own /proc.
    static func pidOne(_ command: [String]) -> [String] {
        ["--pid", "--fork", "--mount-proc"] + command
    }

    /// The pid of `pid` in the innermost pid namespace it belongs to (the last field of `NSpid:` in /proc/PID/status).
    static func innerPid(of pid: pid_t) -> pid_t? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("NSpid:") }) else { return nil }
        return line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last.flatMap { pid_t($0) }
    }

    /// The children of `parent`, from /proc.
    static func children(of parent: pid_t) -> [pid_t] {
        ProcStat.all().filter { $0.stat.parent == parent }.map(\.pid)
    }
}

extension RunTests {
    /// terwatch as PID 1 of a pid namespace, as in a container: the kernel gives PID 1 no default signal actions, and every orphan of the namespace is its to reap.
    @Suite(.enabled(if: PIDNamespace.isAvailable, "unshare --pid --fork --mount-proc is not permitted here: terwatch as PID 1 is not tested"))
    struct PIDOne {
        @Test func termIsHandledOrphansAreReapedAndTheChildsStatusIsTerwatchs() throws {
            let sandbox = try Sandbox()
            try sandbox.write(".env", "G=one\n")
            // The middle shell exits at once: its `sleep` is orphaned to PID 1, terwatch.
            try sandbox.write("child.sh", """
                trap 'echo "got TERM $$" >&2; exit 3' TERM
                sh -c 'sleep 300 & echo "orphan $!" >&2'
                echo "ready $$ init=$(cat /proc/1/comm)" >&2
                while :; do sleep 30 & wait $!; done
                """)
            let unshare = try AgentProcess(
                sandbox, PIDNamespace.pidOne([Sandbox.terwatch.path, "-f", ".env", "--", "/bin/sh", "child.sh"]),
                executable: "/usr/bin/unshare")
            let orphanLine = try #require(unshare.waitForLine(containing: "orphan "), "\(unshare.errorOutput)")
            let ready = try #require(unshare.waitForLine(containing: "ready "), "\(unshare.errorOutput)")
            #expect(ready.hasSuffix(" init=terwatch"), "\(ready)")
            let terwatch = try #require(PIDNamespace.children(of: unshare.pid).first)
            #expect(PIDNamespace.innerPid(of: terwatch) == 1)

            // Seen from outside the namespace: the orphan, re-parented to terwatch.
            let innerOrphan = try #require(Int32(orphanLine.split(separator: " ")[1]))
            var orphan: pid_t?
            #expect(ProcStat.eventually {
                orphan = PIDNamespace.children(of: terwatch).first { PIDNamespace.innerPid(of: $0) == innerOrphan }
                return orphan != nil
            }, "orphan \(innerOrphan) never became terwatch's child")
            let outerOrphan = try #require(orphan)
            kill(outerOrphan, SIGKILL)
            #expect(RunSession.waitUntilGone(outerOrphan), "orphan \(outerOrphan) not reaped:\n\(unshare.errorOutput)")
            #expect(RunSession.zombies(of: terwatch) == [])

            kill(terwatch, SIGTERM)
            #expect(unshare.waitForLine(containing: "got TERM ") != nil, "\(unshare.errorOutput)")
            #expect(unshare.waitForExit() == 3, "\(unshare.errorOutput)")
        }

        /// As a container's entrypoint with a terminal (`docker run -it`): PID 1 cannot stop itself, so after Ctrl-Z it keeps the terminal and Ctrl-C reaches it.
        @Test func onATerminalCtrlZLeavesTerwatchTheTerminalAndCtrlCThenEndsIt() throws {
            let terminal = try PseudoTerminal()
            let sandbox = try Sandbox()
            try sandbox.write(".env", "G=one\n")
            try sandbox.write("child.sh", RunTests.Terminal.script)
            // `setsid -c`: terwatch leads a session of the namespace, with the terminal as its controlling terminal.
            let unshare = try AgentProcess(
                sandbox,
                PIDNamespace.pidOne(["/usr/bin/setsid", "-c", Sandbox.terwatch.path, "-f", ".env", "--", "/bin/sh", "child.sh"]),
                executable: "/usr/bin/unshare", terminal: terminal)
            #expect(unshare.waitForLine(containing: "ready ") != nil, "\(unshare.errorOutput)")
            let terwatch = try #require(PIDNamespace.children(of: unshare.pid).first)
            // terwatch's other child is its group guard, which leads a session of its own.
            let child = try #require(PIDNamespace.children(of: terwatch).first { ProcStat($0)?.session != $0 })
            #expect(terminal.foregroundGroup == child)
            terminal.type("\u{1a}")
            #expect(ProcStat.eventually { ProcStat(child)?.state == "T" && terminal.foregroundGroup == terwatch },
                    "\(unshare.errorOutput)")
            #expect(ProcStat(terwatch)?.state != "T")
            terminal.type("\u{3}")
            #expect(unshare.waitForLine(containing: "got INT ") != nil, "\(unshare.errorOutput)")
            #expect(unshare.waitForExit() == 130, "\(unshare.errorOutput)")
        }
    }
}
