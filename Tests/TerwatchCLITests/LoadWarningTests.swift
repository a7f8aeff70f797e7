import Foundation
import Glibc
import Testing

extension WatchTests {
    /// The watching modes log each load warning as `check` prints it, redacted: every warning of a load that changes the configuration, only new ones otherwise.
    @Suite struct LoadWarningTests {
        /// A password that is also, by a slip, the name of a file in the secrets directory.
        static let password = "CANARY warn+5c1e9a3f7b"
        static let token = "tok-CANARY-7d2e9a4c"

        static func env(logLevel: String) -> String {
            "LOG_LEVEL=\(logLevel)\nGREETING=\"hello ${UNDEFINED_X}\"\nDB_PASSWORD=\"\(password)\"\n"
        }

        /// `terwatch watch` (no command), or wrap mode with a child that idles.
        @Test(arguments: [[], ["--", "/bin/sh", "-c", "echo child ready >&2; exec sleep 600"]])
        func loadWarningsAreLoggedOnceForEachChange(command: [String]) throws {
            let sandbox = try Sandbox()
            try sandbox.write(".env", Self.env(logLevel: "info"))
            try sandbox.write("secrets/db_token", Self.token + "\n")
            try sandbox.write("secrets/\(Self.password)", "x\n")
            try sandbox.sh("chmod 600 .env secrets/db_token")
            let arguments = ["--secrets-dir", "secrets", "--debounce", "0", "-v"]
            let agent = try AgentProcess(sandbox, command.isEmpty ? ["watch"] + arguments : arguments + command)
            defer { agent.stop() }
            try #require(agent.waitUntilWatching(), "\(agent.errorOutput)")
            let first = try checkWarnings(sandbox)
            #expect(first == [
                ".env:2:17: warning: undefined variable 'UNDEFINED_X' expands to empty",
                "secrets/<redacted>:1:1: warning: file name '<redacted>' is not a valid key; skipped",
            ])
            #expect(loggedWarnings(agent, from: 0) == first, "\(agent.errorOutput)")

            // A check that finds nothing changed repeats no warning.
            var mark = agent.lines.count
            agent.send(SIGHUP)
            try #require(agent.waitForLine(containing: "debug: unchanged generation=1", from: mark) != nil, "\(agent.errorOutput)")
            #expect(loggedWarnings(agent, from: mark) == [], "\(agent.errorOutput)")

            // A chmod changes no value, but its new warning shows at once, alone.
            mark = agent.lines.count
            try sandbox.sh("chmod 644 secrets/db_token")
            try #require(agent.waitForLine(containing: "debug: unchanged generation=1", from: mark) != nil, "\(agent.errorOutput)")
            #expect(loggedWarnings(agent, from: mark) == [
                "secrets/db_token:1:1: warning: file holding secret 'db_token' is readable by group or others (mode 0644)",
            ], "\(agent.errorOutput)")

            // A change that commits logs every warning of its load again.
            mark = agent.lines.count
            try sandbox.write(".env.new", Self.env(logLevel: "debug"))
            try sandbox.sh("chmod 600 .env.new && mv .env.new .env")
            try #require(agent.waitForLine(containing: "terwatch: reload generation=2", from: mark) != nil, "\(agent.errorOutput)")
            let second = try checkWarnings(sandbox)
            #expect(second.count == 3)
            #expect(loggedWarnings(agent, from: mark) == second, "\(agent.errorOutput)")
            agent.send(SIGTERM)
            #expect(agent.waitForExit() == (command.isEmpty ? 0 : 128 + SIGTERM), "\(agent.errorOutput)")
            SecretLeakFixture.expectNone(of: [Self.password, Self.token], in: agent.errorOutput, "stderr")
        }

        /// The warning lines `terwatch check` prints for the sandbox's sources.
        private func checkWarnings(_ sandbox: Sandbox) throws -> [String] {
            let result = try sandbox.terwatch("check", "--secrets-dir", "secrets")
            #expect(result.status == 0, "\(result)")
            return result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        }

        /// The diagnostics of the `load-warning` lines logged from stderr line `from` on (none has a quote or backslash to unescape).
        private func loggedWarnings(_ agent: AgentProcess, from: Int) -> [String] {
            let prefix = #"terwatch: warning: load-warning diagnostic=""#
            return agent.lines.dropFirst(from).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).dropLast()) }
        }
    }
}
