import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct ReloadEventTests {
    private typealias F = SnapshotFixtures
    private let fingerprinter = Fingerprinter(key: Array(0..<32))
    private let time = Timestamp(seconds: 1_795_299_578, nanoseconds: 123_000_000)

    private let old = Snapshot(
        entries: [
            F.entry("HOST", "db"), F.entry("OLD_KEY", "x"), F.entry("LOG_LEVEL", "info"),
            F.entry("DB_PASSWORD", "hunter2-old"), F.entry("GONE_TOKEN", "gone-secret"),
        ],
        sources: [SourceDigest(path: ".env", contents: [1]), SourceDigest(path: "same.env", contents: [1])]
    )
    private let new = Snapshot(
        entries: [
            F.entry("HOST", "db"), F.entry("NEW_FLAG", "on"), F.entry("LOG_LEVEL", "debug"),
            F.entry("DB_PASSWORD", "hunter2-new"), F.entry("API_TOKEN", "t0k3n-value"),
        ],
        sources: [SourceDigest(path: ".env", contents: [2]), SourceDigest(path: "same.env", contents: [1])]
    )

    @Test func writesAReloadWithValuesForPlainKeysAndFingerprintsForSecrets() {
        let commit = ReloadPipeline.Commit(
            generation: Generation(number: 7, snapshot: new), previous: Generation(number: 6, snapshot: old),
            diff: SnapshotDiff(old: old, new: new), time: time
        )
        let event = ReloadEvent(commit, fingerprinter: fingerprinter)
        #expect(event.kind == .reload)
        #expect(event.line == #"{"event":"reload","generation":7,"time":"2026-11-21T22:19:38.123Z","#
            + #""sources":[".env"],"added":["NEW_FLAG","API_TOKEN"],"removed":["OLD_KEY","GONE_TOKEN"],"#
            + #""changed":["LOG_LEVEL"],"rotated":["DB_PASSWORD"],"values":{"NEW_FLAG":"on","LOG_LEVEL":"debug"},"#
            + #""fingerprints":{"API_TOKEN":"hmac-sha256:6bad6940379ca7d25630e1e885ab8d99c7f0714b08b4cbb67f248812b79e72e8","#
            + #""DB_PASSWORD":"hmac-sha256:cb97a259f3f2856ed906cb053f2513efa662f3578eba6a695ff0a58d395303ad"},"#
            + #""previous_fingerprints":{"DB_PASSWORD":"hmac-sha256:bbec9e0a0ccb66c20bf38f460162c1ad9721c30d33b254839f066905854b1f7d"}}"#)
        for secret in ["hunter2-old", "hunter2-new", "t0k3n-value", "gone-secret"] {
            #expect(!event.line.contains(secret))
        }
    }

    @Test func writesEveryMemberOfAnEmptyReload() {
        let commit = ReloadPipeline.Commit(
            generation: Generation(number: 1, snapshot: .empty), previous: nil,
            diff: SnapshotDiff(old: .empty, new: .empty), time: time
        )
        #expect(ReloadEvent(commit, fingerprinter: fingerprinter).line
            == #"{"event":"reload","generation":1,"time":"2026-11-21T22:19:38.123Z","sources":[],"added":[],"#
            + #""removed":[],"changed":[],"rotated":[],"values":{},"fingerprints":{},"previous_fingerprints":{}}"#)
    }

    @Test func writesTheProposedReloadOfAValidationRequest() {
        let request = ReloadPipeline.ValidationRequest(
            id: 3, snapshot: F.snapshot([("A", "1")]), diff: SnapshotDiff(old: .empty, new: F.snapshot([("A", "1")])),
            generation: 2, time: time
        )
        #expect(ReloadEvent(proposed: request, fingerprinter: fingerprinter).line
            == #"{"event":"reload","generation":2,"time":"2026-11-21T22:19:38.123Z","sources":[".env"],"added":["A"],"#
            + #""removed":[],"changed":[],"rotated":[],"values":{"A":"1"},"fingerprints":{},"previous_fingerprints":{}}"#)
    }

    @Test func writesARejectionWithRedactedReasonAndDiagnostics() {
        let rejection = ReloadPipeline.Rejection(
            reason: "validation hook './check.sh' exited with status 3: bad password hunter2-new",
            diagnostics: [Diagnostic(
                .error, path: ".env", position: SourcePosition(line: 12, column: 9),
                message: "unterminated heredoc 'EOF' near hunter2-old"
            )],
            candidate: new, diff: SnapshotDiff(old: old, new: new), inForce: Generation(number: 6, snapshot: old), time: time
        )
        let event = ReloadEvent(rejection, redactor: Redactor(snapshots: rejection.candidate, rejection.inForce?.snapshot))
        #expect(event.kind == .rejected)
        #expect(event.line == #"{"event":"rejected","time":"2026-11-21T22:19:38.123Z","#
            + #""reason":"validation hook './check.sh' exited with status 3: bad password <redacted>","#
            + #""diagnostics":[{"file":".env","line":12,"column":9,"message":"unterminated heredoc 'EOF' near <redacted>"}]}"#)
    }

    @Test func writesARollback() {
        let rollBack = ReloadPipeline.RollBack(
            generation: Generation(number: 9, snapshot: old), from: Generation(number: 8, snapshot: new),
            diff: SnapshotDiff(old: new, new: old),
            reason: "child exited with status 1 within the 5s rollback window", time: time
        )
        let event = ReloadEvent(rollBack)
        #expect(event.kind == .rolledBack)
        #expect(event.line == #"{"event":"rolled-back","generation":9,"time":"2026-11-21T22:19:38.123Z","#
            + #""from_generation":8,"reason":"child exited with status 1 within the 5s rollback window"}"#)
    }
}
