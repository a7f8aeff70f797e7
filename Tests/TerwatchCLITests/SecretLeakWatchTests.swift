import Foundation
import Glibc
import Testing

extension WatchTests {
    /// `terwatch watch` with canary secrets of every kind: no canary, old or new, in any byte it emits or writes.
    ///
    /// The agent runs with a FIFO, `--notify-rejections`, an audit log, a
    /// validation hook that prints the whole environment when it fails, and
    /// an exec hook that saves its stdin and environment, prints the secrets
    /// and fails. The secrets rotate in a rejected candidate, then in a
    /// committed one, then a malformed `.env` is rejected. terwatch's stdout,
    /// stderr, FIFO lines, audit log and the events it gave the exec hook
    /// must hold no canary; the hook's environment must hold the new ones.
    @Suite struct SecretLeakWatchTests {
        @Test(arguments: [["-v"], ["-v", "--log-format", "json"]])
        func noCanaryInAnythingTerwatchEmits(logArguments: [String]) throws {
            let new = SecretLeakFixture(version: "new")
            let run = try SecretLeakRun(["watch"] + logArguments)
            let agent = run.agent
            let sandbox = run.sandbox
            defer { agent.stop() }
            try run.waitUntilWatching(json: logArguments.contains("json"))

            try new.write(to: sandbox, logLevel: "bad")
            let rejectedRotation = try run.next { $0.event == "rejected" }
            #expect(rejectedRotation.reason?.contains("LOG_LEVEL=bad") == true, "\(rejectedRotation)")
            #expect(rejectedRotation.reason?.contains("DB_PASSWORD=<redacted>") == true, "\(rejectedRotation)")
            #expect(rejectedRotation.reason?.contains("postgres://app:<redacted>@db:5432/app") == true)

            try new.write(to: sandbox, logLevel: "debug")
            let reload = try run.next { $0.event == "reload" && $0.values?["LOG_LEVEL"] == "debug" }
            #expect(reload.changed == ["LOG_LEVEL"] && reload.values == ["LOG_LEVEL": "debug"])
            #expect(Set(reload.rotated ?? []) == Set(SecretLeakFixture.secretKeys), "\(reload)")
            let generation = try #require(reload.generation)
            // The exec hook ran for the first rejection and for this reload.
            try #require(run.waitForExecFailures(2), "\(agent.errorOutput)")

            try sandbox.write(".env", SecretLeakFixture.malformedEnv)
            let rejectedSyntax = try run.next { $0.event == "rejected" && $0.reason == "the sources have 2 errors" }
            #expect(rejectedSyntax.line.contains("unexpected 'P' after key 'DB'"), "\(rejectedSyntax)")
            try #require(run.waitForExecFailures(3), "\(agent.errorOutput)")
            agent.send(SIGTERM)
            #expect(agent.waitForExit() == 0, "\(agent.errorOutput)")

            try run.expectNoCanaryInAnythingTerwatchWrote(records: 4)
            #expect(agent.errorOutput.contains("unexpected 't' after the closing quote of 'DB_PASSWORD'"), "\(agent.errorOutput)")
            let execInput = try String(contentsOfFile: sandbox.path("exec-reload.json"), encoding: .utf8)
            #expect(execInput.contains(#""generation":\#(generation)"#))
            // The exec hook is the secrets' consumer: its environment holds the new values.
            let execEnvironment = try String(contentsOfFile: sandbox.path("exec-reload.env"), encoding: .utf8)
            #expect(execEnvironment.contains("DB_PASSWORD=\(new.password)\n") && execEnvironment.contains("API_CRED=\(new.fileTarget)\n"))
        }

        /// A hook whose last 4 KiB of output begin inside a secret: no piece of it shows, in the log or the audit log.
        @Test(arguments: [["--log-format", "text"], ["--log-format", "json"]])
        func hookOutputCutInsideASecretShowsNoPieceOfIt(logArguments: [String]) throws {
            let fixture = SecretLeakFixture(version: "old")
            let sandbox = try Sandbox()
            try fixture.write(to: sandbox)
            // 4096 bytes are kept: the password's last 12 bytes, a line feed, then 4083 'x'.
            let hook = #"printf 'password: %s\n' "$DB_PASSWORD"; head -c 4083 /dev/zero | tr '\0' x; exit 1"#
            let result = try sandbox.terwatch(
                ["watch", "--validate", hook, "--audit-log", "audit.log"] + SecretLeakFixture.arguments + logArguments)
            #expect(result.status == 1, "\(result)")
            let audit = try String(contentsOfFile: sandbox.path("audit.log"), encoding: .utf8)
            let piece = String(fixture.password.suffix(12))
            SecretLeakFixture.expectNone(of: [piece, String(piece.prefix(4))], in: result.stderr + audit, "the rejection")
            let xs = String(repeating: "x", count: 4083)
            #expect(result.stderr.contains(#"exited with status 1: …<redacted>\n"# + xs + "\""), "\(result)")
            #expect(audit.contains(#"exited with status 1: …<redacted>\n"# + xs + "\""), "\(audit)")
        }

        /// A hook that prints a value rotated out two generations ago: the rejection still hides it everywhere.
        @Test func aValueRotatedOutGenerationsAgoStaysRedacted() throws {
            let passwords = ["CANARY-first-3e7a9c1b5d", "CANARY-second-8b2d6f0a4c", "CANARY-third-1f5b9d3e7a"]
            // The hook keeps every password it is shown and prints them all when it rejects.
            let hook = #"echo "$DB_PASSWORD" >> seen.txt; [ "$LOG_LEVEL" != bad ] || { cat seen.txt; exit 3; }"#
            let session = try WatchSession.watching(
                files: [".env": "LOG_LEVEL=info\nDB_PASSWORD=\(passwords[0])\n"],
                ["--validate", hook, "--notify-rejections", "--audit-log", "audit.log", "--debounce", "0"])
            for (index, password) in passwords.enumerated().dropFirst() {
                try session.sh("printf 'LOG_LEVEL=info\\nDB_PASSWORD=\(password)\\n' > .env.new && mv .env.new .env")
                let event = try session.nextEvent()
                #expect(event.event == "reload" && event.generation == index + 1 && event.rotated == ["DB_PASSWORD"], "\(event)")
            }
            try session.sh("printf 'LOG_LEVEL=bad\\nDB_PASSWORD=\(passwords[2])\\n' > .env.new && mv .env.new .env")
            let rejected = try session.nextEvent()
            session.stop()
            let redacted = Array(repeating: "<redacted>", count: 4).joined(separator: "\n")
            #expect(rejected.reason == "validation hook '\(hook)' exited with status 3: \(redacted)", "\(rejected)")
            let audit = try String(contentsOfFile: session.sandbox.path("audit.log"), encoding: .utf8)
            let stderr = session.agent.errorOutput
            SecretLeakFixture.expectNone(of: passwords, in: stderr + rejected.line + audit, "the rejection")
            #expect(stderr.contains(#"exited with status 3: \#(redacted.replacingOccurrences(of: "\n", with: #"\n"#))""#),
                    "\(stderr)")
            #expect(audit.contains(#"exited with status 3: \#(redacted.replacingOccurrences(of: "\n", with: #"\n"#))""#))
            // The hook did see the three values, in order (a candidate may be validated again at a later check).
            let seen = try String(contentsOfFile: session.sandbox.path("seen.txt"), encoding: .utf8)
            #expect(seen.split(separator: "\n").prefix(4) == (passwords + [passwords[2]]).map { Substring($0) }[...], "\(seen)")
        }
    }
}
