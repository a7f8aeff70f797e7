import Foundation
import Glibc
import Testing

extension RunTests {
    /// terwatch on a terminal (a pseudo-terminal the test types into): the child is the foreground process group.
    @Suite struct Terminal {
        /// The child: says `ready PID G=$G`, echoes each line it reads from the terminal, and on Ctrl-C says so and dies of SIGINT.
        static let script = """
            trap 'echo "got INT $$"; trap - INT; kill -INT $$' INT
            echo "ready $$ G=$G"
            while read -r line; do echo "read $$: $line"; done
            """

        /// Starts terwatch with `arguments` on a new terminal; returns the session and the first child's pid, once that child is ready.
        private func start(
            _ arguments: [String] = [], stopBackgroundOutput: Bool = false
        ) throws -> (RunSession, PseudoTerminal, Int32) {
            let terminal = try PseudoTerminal(stopBackgroundOutput: stopBackgroundOutput)
            let session = try RunSession(script: Self.script, arguments, terminal: terminal)
            return (session, terminal, try session.ready("one"))
        }

        @Test func ctrlCReachesTheChildAloneAndTerwatchExitsWith130() throws {
            let (session, terminal, pid) = try start()
            #expect(terminal.foregroundGroup == pid)
            #expect(ProcStat(pid)?.group == pid)
            terminal.type("\u{3}")
            try session.logLine("got INT \(pid)")
            #expect(session.terwatch.waitForExit() == 130, "\(session.terwatch.errorOutput)")
            // terwatch itself never got the SIGINT: it would have logged stopping the child with it.
            #expect(!session.terwatch.lines.contains { $0.contains("SIGINT") }, "\(session.terwatch.errorOutput)")
        }

        @Test func ctrlCEndsTerwatchEvenWhenTheRestartPolicyWouldRestart() throws {
            let (session, terminal, pid) = try start(["--restart", "always"])
            #expect(terminal.foregroundGroup == pid)
            terminal.type("\u{3}")
            try session.logLine("got INT \(pid)")
            #expect(session.terwatch.waitForExit() == 130, "\(session.terwatch.errorOutput)")
            #expect(session.terwatch.lines.filter { $0.hasPrefix("ready ") }.count == 1, "\(session.terwatch.errorOutput)")
        }

        /// With `TOSTOP`, terwatch logs from the background of the terminal (SIGTTOU is blocked, so its writes go through).
        @Test func theChildReadsTheTerminalAndAfterAReloadTheNewChildDoes() throws {
            let (session, terminal, first) = try start(stopBackgroundOutput: true)
            terminal.type("first line\n")
            try session.logLine("read \(first): first line")
            let mark = session.mark
            try session.save("G=two\n")
            try session.logLine("terwatch: reload generation=2", from: mark)
            let second = try session.ready("two", from: mark)
            #expect(terminal.foregroundGroup == second)
            terminal.type("second line\n")
            try session.logLine("read \(second): second line", from: mark)
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 128 + SIGTERM, "\(session.terwatch.errorOutput)")
        }

        @Test func ctrlZStopsTheChildAndTerwatchAndContinuingGivesTheChildTheTerminalAgain() throws {
            let (session, terminal, pid) = try start()
            let terwatch = session.terwatch.pid
            terminal.type("\u{1a}")
            #expect(ProcStat.eventually { ProcStat(pid)?.state == "T" && ProcStat(terwatch)?.state == "T" },
                    "child \(String(describing: ProcStat(pid))), terwatch \(String(describing: ProcStat(terwatch)))")
            #expect(terminal.foregroundGroup == terwatch)
            // What a shell's `fg` does once terwatch's group is the foreground group again.
            kill(-terwatch, SIGCONT)
            #expect(ProcStat.eventually { terminal.foregroundGroup == pid }, "\(session.terwatch.errorOutput)")
            terminal.type("after the stop\n")
            try session.logLine("read \(pid): after the stop")
            #expect(ProcStat(terwatch)?.state != "T")
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 128 + SIGTERM, "\(session.terwatch.errorOutput)")
        }

        @Test func inTheBackgroundOfAShellTerwatchLeavesTheTerminalToTheShell() throws {
            let terminal = try PseudoTerminal()
            let sandbox = try Sandbox()
            try sandbox.write(".env", "G=one\n")
            try sandbox.write("child.sh", RunSession.childScript)
            // `sh -m`: job control, so the background job gets a process group of its own, as in an interactive shell.
            let shell = try AgentProcess(
                sandbox, ["-m", "-c", #""$TERWATCH" -f .env -- /bin/sh child.sh & wait $!"#], executable: "/bin/sh",
                environment: ["TERWATCH": Sandbox.terwatch.path], terminal: terminal)
            let line = try #require(shell.waitForLine(containing: "ready "), "\(shell.errorOutput)")
            let pid = try #require(Int32(line.split(separator: " ")[1]))
            let terwatch = try #require(ProcStat(pid)?.parent)
            #expect(ProcStat(terwatch)?.group != shell.pid, "terwatch is not in the background")
            #expect(terminal.foregroundGroup == shell.pid)
            #expect(ProcStat(pid)?.group == pid)
            kill(terwatch, SIGTERM)
            #expect(shell.waitForExit() == 0, "\(shell.errorOutput)")
        }
    }
}
