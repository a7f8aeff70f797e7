import Foundation
import Glibc
import Testing

extension RunTests {
    /// examples/secrets-rotation in wrap mode, as its README runs it: terwatch starts `service.py`, `rotate.sh` rotates, a new service gets the new password.
    @Suite struct RotationExample {
        @Test func rotationRestartsTheServiceWithTheNewSecret() throws {
            let sandbox = try Sandbox()
            try sandbox.copyExample("secrets-rotation")
            try sandbox.sh("chmod 600 .env secrets/..data/*")
            // The README's command, with the service's stdout sent to the stderr read here.
            let run = try AgentProcess(
                sandbox,
                ["-c", #"exec 1>&2; exec "$TERWATCH" --secrets-dir secrets --audit-log audit.log -- python3 service.py"#],
                executable: "/bin/sh", environment: ["TERWATCH": Sandbox.terwatch.path])
            defer { run.stop() }
            let first = try serviceLine(run, from: 0)
            #expect(first.hasSuffix("started with db_password \(try described("example-db-password", in: sandbox)), "
                + "api_token \(try described("example-api-token", in: sandbox))"), "\(first)")

            let mark = run.lines.count
            let password = "CANARY-example-wrap-5b9d1f3a7c"
            try sandbox.sh("./rotate.sh secrets db_password=\(password)")
            try #require(run.waitForLine(containing: "terwatch: reload generation=2 changed=DB_URL,db_password ", from: mark) != nil,
                         "\(run.errorOutput)")
            let second = try serviceLine(run, from: mark)
            #expect(second.hasSuffix("started with db_password \(try described(password, in: sandbox)), "
                + "api_token \(try described("example-api-token", in: sandbox))"), "\(second)")
            // A new process: the first one was stopped before it started.
            let pids = [first, second].map { $0.split(separator: " ")[1].dropLast() }
            #expect(pids[0] != pids[1])
            #expect(run.lines[mark...].contains { $0.contains("child \(pids[0]) exited with status 0") }, "\(run.errorOutput)")

            run.send(SIGTERM)
            #expect(run.waitForExit() == 0, "\(run.errorOutput)")
            let audit = try String(contentsOfFile: sandbox.path("audit.log"), encoding: .utf8)
            SecretLeakFixture.expectNone(
                of: [password, "example-db-password", "example-api-token"], in: run.errorOutput + audit,
                "terwatch's and the service's output, or the audit log")
            #expect(audit.contains(#""rotated":["DB_URL","db_password"]"#), "\(audit)")
            #expect(try sandbox.terwatch("audit", "verify", "audit.log")
                == ProcessResult(stdout: "ok: 2 records\n", stderr: "", status: 0))
        }

        /// The next line of the service, `service PID: started with …`, at or after stderr line `from`.
        private func serviceLine(_ run: AgentProcess, from: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try #require(run.waitForLine(containing: "service ", from: from), "no service line:\n\(run.errorOutput)",
                         sourceLocation: sourceLocation)
        }

        /// How `service.py` describes `value`: `sha256:` and 8 hex digits of its SHA-256, and its length.
        private func described(_ value: String, in sandbox: Sandbox) throws -> String {
            let digest = try sandbox.shell("printf %s '\(value)' | sha256sum | cut -c1-8").stdout.dropLast()
            return "sha256:\(digest) (\(value.utf8.count) bytes)"
        }
    }
}
