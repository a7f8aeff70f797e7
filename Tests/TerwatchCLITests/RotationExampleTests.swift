import Foundation
import Glibc
import Testing

extension WatchTests {
    /// examples/secrets-rotation run as its README says: terwatch watches, `rotate.sh` rotates, `audit verify` passes.
    @Suite struct RotationExampleTests {
        @Test func exampleRotatesKubernetesStyleAndItsAuditLogVerifies() throws {
            let sandbox = try Sandbox()
            try sandbox.copyExample("secrets-rotation")
            try sandbox.sh("chmod 600 .env secrets/..data/*")
            // The README's command, with -v for the line that says each exec hook run finished.
            let agent = try AgentProcess(sandbox, [
                "watch", "--secrets-dir", "secrets", "--audit-log", "audit.log", "--exec", "./on-change.sh", "-v",
            ])
            defer { agent.stop() }
            try #require(agent.waitUntilWatching(), "no watching line:\n\(agent.errorOutput)")
            let passwords = ["CANARY-example-one-6d2f8b0a4c1e", "CANARY-example-two-3a7c1e5b9d0f"]
            try sandbox.sh("./rotate.sh secrets db_password=\(passwords[0]) api_token")
            try #require(agent.waitForLine(containing: "generation=2 duration=") != nil, "\(agent.errorOutput)")
            try sandbox.sh("./rotate.sh secrets db_password=\(passwords[1])")
            try #require(agent.waitForLine(containing: "generation=3 duration=") != nil, "\(agent.errorOutput)")
            agent.send(SIGTERM)
            #expect(agent.waitForExit() == 0, "\(agent.errorOutput)")

            #expect(try String(contentsOfFile: sandbox.path("changes.log"), encoding: .utf8) == """
                generation 2: DB_URL,api_token,db_password
                generation 3: DB_URL,db_password

                """)
            let stderr = agent.errorOutput
            #expect(stderr.contains("terwatch: reload generation=2 changed=DB_URL,api_token,db_password "), "\(stderr)")
            #expect(stderr.contains("terwatch: reload generation=3 changed=DB_URL,db_password "), "\(stderr)")
            let audit = try String(contentsOfFile: sandbox.path("audit.log"), encoding: .utf8)
            SecretLeakFixture.expectNone(of: passwords + ["example-db-password"], in: stderr + audit, "stderr or the audit log")
            #expect(audit.contains(#""rotated":["DB_URL","api_token","db_password"]"#), "\(audit)")
            #expect(try sandbox.terwatch("audit", "verify", "audit.log")
                == ProcessResult(stdout: "ok: 3 records\n", stderr: "", status: 0))
            // Kubelet-style: one data directory, the old one removed, the key links unchanged.
            #expect(try sandbox.shell("cd secrets && ls -d ..2* | wc -l && cat db_password").stdout == "1\n\(passwords[1])\n")
        }
    }
}
