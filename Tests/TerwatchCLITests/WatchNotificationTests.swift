import Foundation
import Glibc
import Testing

extension WatchTests {
    /// Signals, FIFOs and exec hooks: each gets what it should, and none can hold up the agent.
    @Suite struct NotificationTests {
        /// A daemon that writes `ready` and then `hup` for each SIGHUP on stderr.
        private static let daemon = """
            trap 'echo hup >&2' HUP
            echo ready >&2
            while :; do sleep 1 & wait $!; done

            """

        @Test func signalsTheLivePidfileAndWarnsAboutTheDeadOne() throws {
            let sandbox = try Sandbox()
            try sandbox.script("daemon.sh", Self.daemon)
            let daemon = try AgentProcess(sandbox, ["./daemon.sh"], executable: "/bin/sh")
            try #require(daemon.waitForLine(containing: "ready") != nil)
            try sandbox.write("live.pid", "\(daemon.pid)\n")
            try sandbox.sh("echo $$ > dead.pid")
            let dead = try String(contentsOfFile: sandbox.path("dead.pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let session = try WatchSession.watching(
                ["--signal-pidfile", sandbox.path("dead.pid"), "--signal-pidfile", sandbox.path("live.pid")])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            #expect(daemon.waitForLine(containing: "hup") != nil, "\(session.agent.errorOutput)")
            let warning = try session.logLine("terwatch: warning: signal-failed ")
            #expect(warning == #"terwatch: warning: signal-failed problem="process \#(dead) (from pidfile '\#(sandbox.path("dead.pid"))') is gone""#)
            try session.expectNextIsRealChange(generation: 3)
        }

        @Test func fifoWithoutReaderNeverBlocksAndTheNewestEventAwaitsTheReader() throws {
            let session = try WatchSession.watching(["-v"], readerOpen: false)
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            try session.logLine("terwatch: reload generation=2 changed=A ")
            try session.sh("printf 'A=3\\nB=x\\n' > .env")
            try session.logLine("terwatch: reload generation=3 changed=A ")
            try session.logLine("terwatch: debug: fifo-waiting path=events.fifo event=reload generation=3")
            try session.events.open()
            session.agent.send(SIGHUP)
            #expect(try session.nextEvent() == .reload(3, changed: ["A"], values: ["A": "3"]))
            try session.expectNextIsRealChange(generation: 4)
        }

        @Test func execHookGetsTheVariablesTheEnvironmentAndTheEvent() throws {
            let sandbox = try Sandbox()
            let hookOutput = try EventFIFO(sandbox.path("hook.fifo"))
            let session = try WatchSession.watching(
                files: [".env": "PORT=80\nOLD=o\n"],
                ["--exec", #"{ printf '%s %s %s %s %s\n' "$TERWATCH_EVENT" "$TERWATCH_GENERATION" "$TERWATCH_CHANGED" "$PORT" "${OLD-unset}"; cat; } > "$HOOK_FIFO""#],
                environment: ["HOOK_FIFO": hookOutput.path])
            try session.sh("printf 'PORT=81\\nNEW=n\\n' > .env")
            let event = try session.nextEvent()
            #expect(event == .reload(2, added: ["NEW"], removed: ["OLD"], changed: ["PORT"], values: ["PORT": "81", "NEW": "n"]))
            #expect(hookOutput.nextLine() == "reload 2 PORT,NEW,OLD 81 unset")
            #expect(hookOutput.nextLine() == event.line)
        }

        @Test func failingExecHookIsAWarningAndUndoesNothing() throws {
            let session = try WatchSession.watching(["--exec", "echo cannot reload; exit 4"])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            #expect(try session.logLine("terwatch: warning: exec-failed ")
                == #"terwatch: warning: exec-failed generation=2 reason="exec hook 'echo cannot reload; exit 4' exited with status 4: cannot reload""#)
            try session.expectNextIsRealChange(generation: 3)
        }

        @Test func slowExecHookHoldsUpNeitherTheFIFONorTheNextReload() throws {
            let session = try WatchSession.watching(["--exec", "exec sleep 60"])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            try session.expectNextIsRealChange(generation: 3)
        }
    }
}
