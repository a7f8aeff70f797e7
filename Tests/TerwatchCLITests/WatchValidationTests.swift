import Testing

extension WatchTests {
    /// Rejected candidates never reach subscribers; the last good generation stays and the next diff is against it.
    @Suite struct ValidationTests {
        /// `check.sh`: PORT must be all digits; PORT=hang hangs.
        private static let check = """
            case "$PORT" in
            hang) echo stuck; exec sleep 60;;
            *[!0-9]*) echo "PORT must be a number, not '$PORT'" >&2; exit 3;;
            esac

            """

        private func session(_ arguments: [String] = []) throws -> WatchSession {
            try WatchSession.watching(files: [".env": "PORT=80\n"], ["--validate", "./check.sh"] + arguments) {
                try $0.script("check.sh", Self.check)
            }
        }

        @Test func rejectedCandidateNeverReachesTheFIFOAndTheNextDiffIsAgainstTheLastGood() throws {
            let session = try session()
            try session.sh("printf 'PORT=abc\\nEXTRA=1\\n' > .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.hasPrefix(
                #"terwatch: error: rejected reason="validation hook './check.sh' exited with status 3: PORT must be a number, not 'abc'" in_force=1 changed=PORT,EXTRA duration="#),
                "\(line)")
            try session.sh("printf 'PORT=90\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["PORT"], values: ["PORT": "90"]))
        }

        @Test func notifyRejectionsSendsTheRejectedEventToTheFIFO() throws {
            let session = try session(["--notify-rejections"])
            try session.sh("printf 'PORT=abc\\n' > .env")
            let event = try session.nextEvent()
            #expect(event.event == "rejected")
            #expect(event.reason == "validation hook './check.sh' exited with status 3: PORT must be a number, not 'abc'")
            #expect(event.generation == nil)
            try session.sh("printf 'PORT=91\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["PORT"], values: ["PORT": "91"]))
        }

        @Test func hangingHookTimesOutAndTheAgentKeepsWorking() throws {
            let session = try session(["--hook-timeout", "500ms"])
            try session.sh("printf 'PORT=hang\\n' > .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.hasPrefix(#"terwatch: error: rejected reason="validation hook './check.sh' timed out after 500ms: stuck" in_force=1 changed=PORT duration="#), "\(line)")
            #expect(AgentProcess.sessionMembers(session.agent.pid) == [session.agent.pid],
                    "the hook outlived its timeout:\n\(AgentProcess.describeSession(session.agent.pid))")
            try session.sh("printf 'PORT=92\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["PORT"], values: ["PORT": "92"]))
        }

        @Test func requiredKeyMissingIsRejected() throws {
            let session = try WatchSession.watching(files: [".env": "PORT=80\n"], ["--require", "PORT"])
            try session.sh("printf 'HOST=h\\n' > .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.hasPrefix(#"terwatch: error: rejected reason="required key 'PORT' is not set" in_force=1 changed=HOST,PORT duration="#), "\(line)")
            try session.sh("printf 'PORT=81\\nHOST=h\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, added: ["HOST"], changed: ["PORT"], values: ["HOST": "h", "PORT": "81"]))
        }

        @Test func parseErrorIsRejectedWithItsDiagnostic() throws {
            let session = try WatchSession.watching(files: [".env": "A=1\n"])
            try session.sh("printf 'A=\"oops\\n' > .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.contains(#"reason="the sources have 1 error""#), "\(line)")
            #expect(line.contains(#"diagnostics=[".env:1:3: error: "#), "\(line)")
            try session.sh("printf 'A=2\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
        }

        @Test func vanishedSourceIsRejectedUntilItComesBack() throws {
            let session = try WatchSession.watching(files: [".env": "A=1\n"])
            try session.sh("rm .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.hasPrefix(#"terwatch: error: rejected reason="source '.env' vanished" in_force=1 duration="#), "\(line)")
            try session.sh("printf 'A=1\\nB=2\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, added: ["B"], values: ["B": "2"]))
        }

        @Test func invalidFirstLoadExitsOneAndNotifiesNobody() throws {
            let session = try WatchSession(files: [".env": "A=\"open\n"], ["--exec", "touch ran"])
            #expect(session.agent.waitForExit() == 1)
            let stderr = session.agent.errorOutput
            #expect(stderr.contains(#"terwatch: error: rejected reason="the sources have 1 error" diagnostics=[".env:1:3: error: "#), "\(stderr)")
            #expect(!stderr.contains("watching"))
            #expect(session.events.nextLine(within: 0) == nil)
            #expect(!session.sandbox.exists("ran"))
        }
    }
}
