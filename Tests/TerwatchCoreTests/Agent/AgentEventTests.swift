import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct AgentEventTests {
    private typealias F = SnapshotFixtures
    private let fingerprinter = Fingerprinter(key: Array(0..<32))
    private let time = Timestamp(seconds: 1_795_299_578)
    private let old = F.snapshot([("HOST", "db"), ("PORT", "80"), ("OLD", "x"), ("DB_PASSWORD", "old-pass")])
    private let new = F.snapshot([("HOST", "db"), ("PORT", "81"), ("NEW", "y"), ("DB_PASSWORD", "new-pass")])

    private var commit: ReloadPipeline.Commit {
        ReloadPipeline.Commit(
            generation: Generation(number: 3, snapshot: new), previous: Generation(number: 2, snapshot: old),
            diff: SnapshotDiff(old: old, new: new), time: time)
    }

    @Test func listsChangedAddedRemovedThenRotatedKeys() {
        #expect(SnapshotDiff(old: old, new: new).changedKeys == ["PORT", "NEW", "OLD", "DB_PASSWORD"])
    }

    @Test func describesACommitForHooks() {
        let event = AgentEvent(commit, fingerprinter: fingerprinter)
        #expect(event.kind == .reload)
        #expect(event.line == ReloadEvent(commit, fingerprinter: fingerprinter).line)
        #expect(event.generation == 3)
        #expect(event.snapshot == new)
        #expect(event.variables.map { "\($0.key)=\($0.value)" } == [
            "TERWATCH_EVENT=reload", "TERWATCH_GENERATION=3", "TERWATCH_CHANGED=PORT,NEW,OLD,DB_PASSWORD",
        ])
    }

    @Test func overlaysTheSnapshotAndVariablesOnTheInheritedEnvironment() {
        let event = AgentEvent(commit, fingerprinter: fingerprinter)
        let inherited = [(key: "PATH", value: "/bin"), ("PORT", "1"), ("TERWATCH_EVENT", "stale"), ("HOME", "/root")]
        #expect(event.environment(inheriting: inherited) == [
            "PATH=/bin", "PORT=81", "TERWATCH_EVENT=reload", "HOME=/root", "HOST=db", "NEW=y",
            "DB_PASSWORD=new-pass", "TERWATCH_GENERATION=3", "TERWATCH_CHANGED=PORT,NEW,OLD,DB_PASSWORD",
        ])
    }

    @Test func describesAProposedCandidate() {
        var pipeline = ReloadPipeline()
        guard case .validate(let request)? = pipeline.handle(.loaded(.snapshot(new), at: time)).first else {
            Issue.record("expected a validation request")
            return
        }
        let event = AgentEvent(proposed: request, fingerprinter: fingerprinter)
        #expect(event.kind == .reload)
        #expect(event.generation == 1)
        #expect(event.changedKeys == ["HOST", "PORT", "NEW", "DB_PASSWORD"])
        #expect(event.line == ReloadEvent(proposed: request, fingerprinter: fingerprinter).line)
    }

    @Test func describesARejectionWithTheConfigurationInForce() {
        let rejection = ReloadPipeline.Rejection(
            reason: "validation hook './check' exited with status 1", diagnostics: [], candidate: new,
            diff: SnapshotDiff(old: old, new: new), inForce: Generation(number: 2, snapshot: old), time: time)
        let event = AgentEvent(rejection, redactor: Redactor(secrets: []))
        #expect(event.kind == .rejected)
        #expect(event.generation == 2)
        #expect(event.snapshot == old)
        #expect(event.changedKeys == ["PORT", "NEW", "OLD", "DB_PASSWORD"])
        #expect(event.variables.first?.value == "rejected")
        #expect(event.environment(inheriting: []).contains("PORT=80"))
    }
}
