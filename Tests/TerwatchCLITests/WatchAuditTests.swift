import Foundation
import Testing

extension WatchTests {
    /// `--audit-log`: one chained record per commit and rejection; `--audit-required` turns down what cannot be recorded.
    @Suite struct AuditTests {
        @Test func recordsEveryCommitAndRejectionInAChainThatVerifies() throws {
            let session = try WatchSession.watching(
                files: [".env": "PORT=80\n"], ["--audit-log", "audit.log", "--validate", #"[ "$PORT" != bad ]"#])
            try session.sh("printf 'PORT=81\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["PORT"], values: ["PORT": "81"]))
            try session.sh("printf 'PORT=bad\\n' > .env")
            try session.logLine("terwatch: error: rejected ")
            session.stop()
            let records = try String(contentsOfFile: session.sandbox.path("audit.log"), encoding: .utf8)
                .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
            #expect(records.map { $0["event"] as? String } == ["reload", "reload", "rejected"])
            #expect(records.map { $0["generation"] as? Int } == [1, 2, nil])
            #expect(records.map { $0["changed"] as? [String] } == [[], ["PORT"], ["PORT"]])
            #expect(try session.sandbox.terwatch("audit", "verify", "audit.log")
                == ProcessResult(stdout: "ok: 3 records\n", stderr: "", status: 0))
        }

        @Test func requiredAuditRejectsAReloadThatCannotBeRecorded() throws {
            let session = try WatchSession.watching(files: [".env": "A=1\n"], ["--audit-log", "audit.log", "--audit-required"])
            try session.sh("printf 'torn' >> audit.log && printf 'A=2\\n' > .env")
            let line = try session.logLine("terwatch: error: rejected ")
            #expect(line.hasPrefix(#"terwatch: error: rejected reason="the reload cannot be recorded in the audit log: audit log 'audit.log' ends in an incomplete record; complete or move it" in_force=1 changed=A "#), "\(line)")
            try session.sh("echo >> audit.log && printf 'A=3\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "3"]))
        }
    }
}
