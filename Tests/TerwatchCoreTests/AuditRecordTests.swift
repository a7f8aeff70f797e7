import Testing
import TerwatchCore
import TerwatchEnv

/// Audit records: exact lines for each event, names only, secret files by keyed fingerprint, reasons redacted.
@Suite struct AuditRecordTests {
    private typealias F = SnapshotFixtures
    private let fingerprinter = Fingerprinter(key: Array(0..<32))
    private let time = Timestamp(seconds: 1_795_299_578, nanoseconds: 123_000_000)
    private static let zeros = String(repeating: "0", count: 64)

    private let old = Snapshot(
        entries: [
            F.entry("HOST", "db", line: 1), F.entry("LOG_LEVEL", "info", line: 2), F.entry("OLD_KEY", "x", line: 3),
            F.entry("DB_PASSWORD", "old-pass", secret: true, path: "secrets/DB_PASSWORD"),
        ],
        sources: [
            SourceDigest(path: ".env", contents: Array("HOST=db\nLOG_LEVEL=info\nOLD_KEY=x\n".utf8)),
            SourceDigest(path: "secrets/DB_PASSWORD", contents: Array("old-pass\n".utf8)),
        ]
    )
    private let new = Snapshot(
        entries: [
            F.entry("HOST", "db", line: 1), F.entry("LOG_LEVEL", "debug", line: 2), F.entry("NEW_FLAG", "on", line: 3),
            F.entry("DB_PASSWORD", "new-pass", secret: true, path: "secrets/DB_PASSWORD"),
        ],
        sources: [
            SourceDigest(path: ".env", contents: Array("HOST=db\nLOG_LEVEL=debug\nNEW_FLAG=on\n".utf8)),
            SourceDigest(path: "secrets/DB_PASSWORD", contents: Array("new-pass\n".utf8)),
        ]
    )

    private var newSources: String {
        #"[{"path":".env","sha256":"0380ef1f61e4cd866e7225c09d1532a26e6b9031e327913860cba2af9f800c2f"},"#
            + #"{"path":"secrets/DB_PASSWORD","#
            + #""fingerprint":"hmac-sha256:055886951cfb813d38f32ae40ed193e0eb334aeb2aa8db37b5965d27bf6f156c"}]"#
    }

    @Test func recordsACommitWithNamesHashesAndFingerprints() {
        let commit = ReloadPipeline.Commit(
            generation: Generation(number: 7, snapshot: new), previous: Generation(number: 6, snapshot: old),
            diff: SnapshotDiff(old: old, new: new), time: time
        )
        let record = AuditRecord(commit, fingerprinter: fingerprinter)
        let expected = #"{"prev":"\#(Self.zeros)","time":"2026-11-21T22:19:38.123Z","event":"reload","generation":7,"#
            + #""sources":\#(newSources),"added":["NEW_FLAG"],"removed":["OLD_KEY"],"changed":["LOG_LEVEL"],"#
            + #""rotated":["DB_PASSWORD"],"validation":"passed","reason":null}"#
        #expect(record.kind == .reload)
        #expect(record.line(after: nil) == expected)
        let request = ReloadPipeline.ValidationRequest(
            id: 3, snapshot: new, diff: SnapshotDiff(old: old, new: new), generation: 7, time: time)
        #expect(AuditRecord(proposed: request, fingerprinter: fingerprinter).line(after: nil) == expected)
        let previous = SHA256.hash(Array("x\n".utf8))
        #expect(record.line(after: previous).hasPrefix(#"{"prev":"\#(previous.hex)","time":"#))
    }

    @Test func recordsARejectionWithoutAGenerationAndWithItsReasonRedacted() {
        let rejection = ReloadPipeline.Rejection(
            reason: "validation hook './check.sh' printed new-pass and exited with status 3", diagnostics: [],
            candidate: new, diff: SnapshotDiff(old: old, new: new), inForce: Generation(number: 6, snapshot: old),
            time: time
        )
        let redactor = Redactor(snapshots: rejection.candidate, rejection.inForce?.snapshot)
        let line = AuditRecord(rejection, redactor: redactor, fingerprinter: fingerprinter).line(after: nil)
        #expect(line == #"{"prev":"\#(Self.zeros)","time":"2026-11-21T22:19:38.123Z","event":"rejected","generation":null,"#
            + #""sources":\#(newSources),"added":["NEW_FLAG"],"removed":["OLD_KEY"],"changed":["LOG_LEVEL"],"#
            + #""rotated":["DB_PASSWORD"],"validation":"failed","#
            + #""reason":"validation hook './check.sh' printed <redacted> and exited with status 3"}"#)
    }

    @Test func recordsAFailedLoadAsNotValidated() {
        let rejection = ReloadPipeline.Rejection(
            reason: "source '.env' vanished", diagnostics: [], candidate: nil, diff: nil,
            inForce: Generation(number: 6, snapshot: old), time: time
        )
        #expect(AuditRecord(rejection, redactor: Redactor(secrets: []), fingerprinter: fingerprinter).line(after: nil)
            == #"{"prev":"\#(Self.zeros)","time":"2026-11-21T22:19:38.123Z","event":"rejected","generation":null,"#
            + #""sources":[],"added":[],"removed":[],"changed":[],"rotated":[],"validation":"not-run","#
            + #""reason":"source '.env' vanished"}"#)
    }

    @Test func recordsARollbackWithTheGenerationItLeaves() {
        let rollBack = ReloadPipeline.RollBack(
            generation: Generation(number: 9, snapshot: old), from: Generation(number: 8, snapshot: new),
            diff: SnapshotDiff(old: new, new: old), reason: "child exited with status 1 within the 5s rollback window",
            time: time
        )
        let record = AuditRecord(rollBack, fingerprinter: fingerprinter)
        #expect(record.kind == .rolledBack)
        #expect(record.line(after: nil)
            == #"{"prev":"\#(Self.zeros)","time":"2026-11-21T22:19:38.123Z","event":"rolled-back","generation":9,"#
            + #""from_generation":8,"sources":[{"path":".env","#
            + #""sha256":"372efc59465418a969e01c90afbc59e5e37dcdf87b723f62666cb59904d6c1e2"},"#
            + #"{"path":"secrets/DB_PASSWORD","#
            + #""fingerprint":"hmac-sha256:bcb4eea5ca8a96c7326839b582a5c1d50b5d2f067803c2f758aa08179230b186"}],"#
            + #""added":["OLD_KEY"],"removed":["NEW_FLAG"],"changed":["LOG_LEVEL"],"rotated":["DB_PASSWORD"],"#
            + #""validation":"not-run","reason":"child exited with status 1 within the 5s rollback window"}"#)
    }
}
