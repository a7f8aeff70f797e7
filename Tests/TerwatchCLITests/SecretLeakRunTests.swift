import Foundation
import Glibc
import Testing

extension RunTests {
    /// Wrap mode with canary secrets of every kind: no canary, old or new, in any byte terwatch emits or writes, while the child gets the new values.
    ///
    /// terwatch wraps `child.sh`, with everything `SecretLeakRun` sets up
    /// (FIFO, `--notify-rejections`, audit log, a validation hook that prints
    /// the environment and fails once, an exec hook that prints secrets).
    /// The secrets rotate in a rejected candidate, then in a committed one
    /// (`--on-change restart`: a new child; `signal`: `HUP` to the same one),
    /// then a malformed `.env` is rejected. The child shares terwatch's
    /// stdout and stderr, so it prints no value there: it writes its
    /// environment to `child-PID.env`, which is the child's, not terwatch's.
    @Suite struct SecretLeak {
        /// Writes its environment to `child-PID.env` at start and at each `HUP`; says `child ready PID` and `child got HUP PID` on stderr; exits 0 at `TERM`.
        static let childScript = """
            trap 'env > "child-$$.env"; echo "child got HUP $$" >&2' HUP
            trap 'exit 0' TERM
            env > "child-$$.env"
            echo "child ready $$" >&2
            while :; do sleep 30 & wait $!; done
            """

        @Test(arguments: ["restart", "signal"], [["-v"], ["-v", "--log-format", "json"]])
        func noCanaryInAnythingTerwatchEmitsWhileTheChildGetsTheNewValues(onChange: String, logArguments: [String]) throws {
            let old = SecretLeakFixture(version: "old")
            let new = SecretLeakFixture(version: "new")
            let run = try SecretLeakRun(["--on-change", onChange] + logArguments, command: ["--", "/bin/sh", "child.sh"]) {
                try $0.write("child.sh", Self.childScript)
            }
            let agent = run.agent
            let sandbox = run.sandbox
            defer { agent.stop() }
            try run.waitUntilWatching(json: logArguments.contains("json"))
            let first = try childPID(agent, "child ready ", from: 0)
            try expectEnvironment(of: first, in: sandbox, holds: old)

            try new.write(to: sandbox, logLevel: "bad")
            let rejectedRotation = try run.next { $0.event == "rejected" }
            #expect(rejectedRotation.reason?.contains("DB_PASSWORD=<redacted>") == true, "\(rejectedRotation)")
            #expect(rejectedRotation.reason?.contains("postgres://app:<redacted>@db:5432/app") == true)

            let mark = agent.lines.count
            try new.write(to: sandbox, logLevel: "debug")
            let reload = try run.next { $0.event == "reload" && $0.values?["LOG_LEVEL"] == "debug" }
            #expect(Set(reload.rotated ?? []) == Set(SecretLeakFixture.secretKeys), "\(reload)")
            if onChange == "restart" {
                // A new child, started with the new values.
                let second = try childPID(agent, "child ready ", from: mark)
                #expect(second != first)
                try expectEnvironment(of: second, in: sandbox, holds: new)
            } else {
                // The same child, signalled: its environment is the one it started with.
                #expect(try childPID(agent, "child got HUP ", from: mark) == first)
                try expectEnvironment(of: first, in: sandbox, holds: old)
            }
            // The exec hook ran for the first rejection and for this reload.
            try #require(run.waitForExecFailures(2), "\(agent.errorOutput)")

            try sandbox.write(".env", SecretLeakFixture.malformedEnv)
            _ = try run.next { $0.event == "rejected" && $0.reason == "the sources have 2 errors" }
            try #require(run.waitForExecFailures(3), "\(agent.errorOutput)")
            agent.send(SIGTERM)
            #expect(agent.waitForExit() == 0, "\(agent.errorOutput)")

            try run.expectNoCanaryInAnythingTerwatchWrote(records: 4)
            // Neither the rejected candidate nor the malformed file reached a child.
            let started = agent.lines.filter { $0.hasPrefix("child ready ") }.count
            #expect(started == (onChange == "restart" ? 2 : 1), "\(agent.errorOutput)")
        }

        /// The pid in the first stderr line at or after `from` that starts with `prefix` (`child ready PID`).
        private func childPID(
            _ agent: AgentProcess, _ prefix: String, from: Int, sourceLocation: SourceLocation = #_sourceLocation
        ) throws -> Int32 {
            let line = try #require(agent.waitForLine(containing: prefix, from: from),
                                    "no line '\(prefix)':\n\(agent.errorOutput)", sourceLocation: sourceLocation)
            return try #require(Int32(line.dropFirst(prefix.count)), "\(line)", sourceLocation: sourceLocation)
        }

        /// Requires the environment child `pid` wrote to hold every value of `fixture` and no canary of the other version.
        private func expectEnvironment(
            of pid: Int32, in sandbox: Sandbox, holds fixture: SecretLeakFixture,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let environment = try String(contentsOfFile: sandbox.path("child-\(pid).env"), encoding: .utf8)
            for expected in [
                "DB_PASSWORD=\(fixture.password)\n", "DATABASE_URL=postgres://app:\(fixture.urlPassword)@db:5432/app\n",
                "GH_CI=\(fixture.token)\n", "API_CRED=\(fixture.fileTarget)\n", "signing_secret=\(fixture.directoryEntry)\n",
                "TLS_KEY=-----BEGIN PRIVATE KEY-----\n\(fixture.pemLines.joined(separator: "\n"))\n-----END PRIVATE KEY-----\n",
            ] {
                #expect(environment.contains(expected), "child \(pid) lacks '\(expected)':\n\(environment)",
                        sourceLocation: sourceLocation)
            }
            let other = SecretLeakFixture(version: fixture.version == "old" ? "new" : "old")
            SecretLeakFixture.expectNone(of: other.canaries, in: environment, "child \(pid)'s environment",
                                         sourceLocation: sourceLocation)
        }
    }
}
