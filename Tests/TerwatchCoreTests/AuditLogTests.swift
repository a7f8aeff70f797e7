import Foundation
import Testing
import TerwatchCore
import TerwatchEnv

/// The audit log file: mode 0600, chained records across reopening, errors as values.
@Suite struct AuditLogTests {
    private let fingerprinter = Fingerprinter(key: Array(0..<32))

    /// The record of a failed load at second `second`, reason `reason`.
    private func record(_ second: Int64, _ reason: String = "source '.env' vanished") -> AuditRecord {
        AuditRecord(
            ReloadPipeline.Rejection(
                reason: reason, diagnostics: [], candidate: nil, diff: nil, inForce: nil,
                time: Timestamp(seconds: 1_795_299_578 + second)),
            redactor: Redactor(secrets: []), fingerprinter: fingerprinter
        )
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func createsTheLogOwnerOnlyAndChainsEachRecordToTheLastLine() throws {
        let root = try TemporaryDirectory()
        let path = root("audit.log")
        let log = try AuditLog(path: path)
        #expect(try FileModes.of(path) == 0o600)
        let first = try log.append(record(0))
        let second = try log.append(record(1))
        #expect(first == record(0).line(after: nil))
        #expect(second == record(1).line(after: SHA256.hash(Array((first + "\n").utf8))))
        #expect(try lines(path) == [first, second, ""])
        #expect(AuditChain.verify(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) == .intact(records: 2))
    }

    @Test func continuesTheChainAfterReopeningAndKeepsAnExistingMode() throws {
        let root = try TemporaryDirectory()
        let path = root("audit.log")
        let first = try AuditLog(path: path).append(record(0))
        try FileModes.set(path, 0o640)
        let reopened = try AuditLog(path: path)
        let second = try reopened.append(record(1))
        #expect(second == record(1).line(after: SHA256.hash(Array((first + "\n").utf8))))
        #expect(try FileModes.of(path) == 0o640)
        #expect(AuditChain.verify(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) == .intact(records: 2))
    }

    @Test func chainsFromALongLastLine() throws {
        let root = try TemporaryDirectory()
        let path = root("audit.log")
        let log = try AuditLog(path: path)
        let long = try log.append(record(0, String(repeating: "r", count: 10_000)))
        let next = try AuditLog(path: path).append(record(1))
        #expect(next == record(1).line(after: SHA256.hash(Array((long + "\n").utf8))))
    }

    @Test func refusesALogWhoseLastRecordIsCutShort() throws {
        let root = try TemporaryDirectory()
        let path = try root.write("audit.log", #"{"prev":"0"#)
        #expect(throws: AuditLogError.incompleteRecord(path: path)) { try AuditLog(path: path) }
        #expect(AuditLogError.incompleteRecord(path: path).description
            == "audit log '\(path)' ends in an incomplete record; complete or move it")
    }

    @Test func throwsAWriteFailureAsAValue() throws {
        let log = try AuditLog(path: "/dev/full")
        #expect(throws: AuditLogError.system(SystemCallError(.write, path: "/dev/full", code: ENOSPC))) {
            try log.append(record(0))
        }
        #expect(AuditLogError.system(SystemCallError(.write, path: "/dev/full", code: ENOSPC)).description
            == "cannot write '/dev/full': no space left on device")
    }

    @Test func throwsAnOpenFailureAsAValue() throws {
        let root = try TemporaryDirectory()
        #expect(throws: AuditLogError.system(SystemCallError(.open, path: root("no/such/audit.log"), code: ENOENT))) {
            try AuditLog(path: root("no/such/audit.log"))
        }
    }
}
