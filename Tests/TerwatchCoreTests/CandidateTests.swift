import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct CandidateTests {
    private let secrets = try! SecretPolicy()

    @Test func turnsASuccessfulLoadIntoASnapshot() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".env", "A=1\nB\n")
        let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [path]))).load(environment: .empty)
        #expect(Candidate(loading: .success(loaded), secrets: secrets) == .snapshot(Snapshot(loaded, secrets: secrets)))
    }

    @Test func turnsErrorsInTheFilesIntoAFailureKeepingWhatResolved() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".env", "A=1\n=2\nDB_PASSWORD=p\nB=${A\n")
        let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [path]))).load(environment: .empty)
        guard case .failed(let failure) = Candidate(loading: .success(loaded), secrets: secrets) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == "the sources have 2 errors")
        #expect(failure.diagnostics == loaded.diagnostics.filter { $0.severity == .error })
        #expect(failure.diagnostics.map(\.position.line) == [2, 4])
        #expect(failure.partial?.secretValues == ["p"])
    }

    @Test func saysASourceVanished() {
        let error = SystemCallError(.open, path: ".env", code: 2)
        #expect(Candidate(loading: .failure(error), secrets: secrets) == .failed(LoadFailure(reason: "source '.env' vanished")))
    }

    @Test func namesOtherReadErrors() {
        let error = SystemCallError(.read, path: ".env", code: 5)
        #expect(Candidate(loading: .failure(error), secrets: secrets)
            == .failed(LoadFailure(reason: "cannot read '.env': input/output error")))
    }
}
