import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct ReloadPipelineTests {
    private typealias F = SnapshotFixtures
    private typealias Pipeline = ReloadPipeline

    private let a = F.snapshot([("HOST", "a"), ("PORT", "1")], source: "a")
    private let b = F.snapshot([("HOST", "b"), ("PORT", "1")], source: "b")
    private let c = F.snapshot([("HOST", "c")], source: "c")
    private let d = F.snapshot([("HOST", "d"), ("DB_PASSWORD", "p")], source: "d")
    /// `a` again, saved differently: same content, other lines and file hash.
    private let aResaved = Snapshot(
        entries: [F.entry("HOST", "a", line: 4), F.entry("PORT", "1", line: 7)],
        sources: [SourceDigest(path: ".env", contents: Array("\n\n\nHOST=a\n\n\nPORT=1\n".utf8))]
    )
    private let broken = LoadFailure(
        reason: "the sources have 1 error",
        diagnostics: [Diagnostic(.error, path: ".env", position: SourcePosition(line: 2, column: 9), message: "bad")]
    )

    private func time(_ seconds: Int64) -> Timestamp { Timestamp(seconds: seconds) }

    private func request(_ id: Int, _ snapshot: Snapshot, against old: Snapshot, generation: Int, at seconds: Int64) -> Pipeline.Action {
        .validate(Pipeline.ValidationRequest(
            id: id, snapshot: snapshot, diff: SnapshotDiff(old: old, new: snapshot), generation: generation, time: time(seconds)
        ))
    }

    private func commit(_ number: Int, _ snapshot: Snapshot, after previous: Generation?, at seconds: Int64) -> Pipeline.Action {
        .commit(Pipeline.Commit(
            generation: Generation(number: number, snapshot: snapshot), previous: previous,
            diff: SnapshotDiff(old: previous?.snapshot ?? .empty, new: snapshot), time: time(seconds)
        ))
    }

    private func rejection(_ reason: String, _ candidate: Snapshot, inForce: Generation?, at seconds: Int64) -> Pipeline.Action {
        .reject(Pipeline.Rejection(
            reason: reason, diagnostics: [], candidate: candidate,
            diff: SnapshotDiff(old: inForce?.snapshot ?? .empty, new: candidate), inForce: inForce, time: time(seconds)
        ))
    }

    private func loadRejection(inForce: Generation?, at seconds: Int64) -> Pipeline.Action {
        .reject(Pipeline.Rejection(
            reason: broken.reason, diagnostics: broken.diagnostics, candidate: nil, diff: nil,
            inForce: inForce, time: time(seconds)
        ))
    }

    /// A pipeline with `a` committed as generation 1 (request 1).
    private func started() -> Pipeline {
        var pipeline = Pipeline()
        _ = pipeline.handle(.loaded(.snapshot(a), at: time(1)))
        _ = pipeline.handle(.validated(request: 1, .passed, at: time(2)))
        return pipeline
    }

    private var first: Generation { Generation(number: 1, snapshot: a) }

    // MARK: start-up

    @Test func validatesTheFirstCandidateThenCommitsItAsGenerationOne() {
        var pipeline = Pipeline()
        #expect(pipeline.handle(.loaded(.snapshot(a), at: time(1))) == [request(1, a, against: .empty, generation: 1, at: 1)])
        #expect(pipeline.validating?.id == 1)
        #expect(pipeline.current == nil)
        #expect(pipeline.handle(.validated(request: 1, .passed, at: time(2))) == [commit(1, a, after: nil, at: 2)])
        #expect(pipeline.current == first)
        #expect(pipeline.validating == nil)
    }

    @Test func commitsAnEmptyFirstSnapshot() {
        var pipeline = Pipeline()
        #expect(pipeline.handle(.loaded(.snapshot(.empty), at: time(1)))
            == [request(1, .empty, against: .empty, generation: 1, at: 1)])
        let actions = pipeline.handle(.validated(request: 1, .passed, at: time(2)))
        #expect(actions == [commit(1, .empty, after: nil, at: 2)])
        guard case .commit(let commit)? = actions.first else { return }
        #expect(commit.isFirst)
        #expect(commit.diff.isEmpty)
    }

    @Test func rejectsAFirstCandidateWithNothingInForce() {
        var pipeline = Pipeline()
        _ = pipeline.handle(.loaded(.snapshot(a), at: time(1)))
        #expect(pipeline.handle(.validated(request: 1, .failed(reason: "no", diagnostics: []), at: time(2)))
            == [rejection("no", a, inForce: nil, at: 2)])
        #expect(pipeline.current == nil)
        #expect(pipeline.handle(.loaded(.snapshot(a), at: time(3))) == [request(2, a, against: .empty, generation: 1, at: 3)])
    }

    @Test func rejectsAFailedFirstLoadAtOnce() {
        var pipeline = Pipeline()
        #expect(pipeline.handle(.loaded(.failed(broken), at: time(1))) == [loadRejection(inForce: nil, at: 1)])
        #expect(pipeline == Pipeline())
    }

    // MARK: one candidate at a time

    @Test func skipsValidationWhenNothingChanged() {
        var pipeline = started()
        #expect(pipeline.handle(.loaded(.snapshot(aResaved), at: time(3))) == [.unchanged(Generation(number: 1, snapshot: aResaved))])
        #expect(pipeline.current == Generation(number: 1, snapshot: aResaved))
        #expect(pipeline.validating == nil)
    }

    @Test func commitsAChangeUnderTheNextGeneration() {
        var pipeline = started()
        #expect(pipeline.handle(.loaded(.snapshot(b), at: time(3))) == [request(2, b, against: a, generation: 2, at: 3)])
        #expect(pipeline.handle(.validated(request: 2, .passed, at: time(4))) == [commit(2, b, after: first, at: 4)])
        #expect(pipeline.current == Generation(number: 2, snapshot: b))
    }

    @Test func givesARejectedCandidateNoGenerationAndDiffsTheNextAgainstTheLastGood() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        let diagnostics = [Diagnostic(.error, path: ".env", position: SourcePosition(line: 1, column: 6), message: "no")]
        #expect(pipeline.handle(.validated(request: 2, .failed(reason: "hook failed", diagnostics: diagnostics), at: time(4)))
            == [.reject(Pipeline.Rejection(
                reason: "hook failed", diagnostics: diagnostics, candidate: b, diff: SnapshotDiff(old: a, new: b),
                inForce: first, time: time(4)
            ))])
        #expect(pipeline.current == first)
        #expect(pipeline.handle(.loaded(.snapshot(c), at: time(5))) == [request(3, c, against: a, generation: 2, at: 5)])
        #expect(pipeline.handle(.validated(request: 3, .passed, at: time(6))) == [commit(2, c, after: first, at: 6)])
    }

    @Test func findsNothingChangedWhenARejectedEditIsUndone() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.validated(request: 2, .failed(reason: "no", diagnostics: []), at: time(4)))
        #expect(pipeline.handle(.loaded(.snapshot(aResaved), at: time(5))) == [.unchanged(Generation(number: 1, snapshot: aResaved))])
    }

    @Test func rejectsAFailedLoadAtOnceAndKeepsTheGenerationInForce() {
        var pipeline = started()
        let before = pipeline
        #expect(pipeline.handle(.loaded(.failed(broken), at: time(3))) == [loadRejection(inForce: first, at: 3)])
        #expect(pipeline == before)
    }

    @Test func ignoresResultsForOtherRequests() {
        var pipeline = started()
        #expect(pipeline.handle(.validated(request: 1, .passed, at: time(3))) == [])
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(4)))
        let validating = pipeline
        #expect(pipeline.handle(.validated(request: 7, .passed, at: time(5))) == [])
        #expect(pipeline == validating)
    }

    // MARK: candidates arriving during a validation

    @Test func validatesOnlyTheNewestOfTheCandidatesThatArrivedMeanwhile() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        #expect(pipeline.handle(.loaded(.snapshot(c), at: time(4))) == [])
        #expect(pipeline.handle(.loaded(.failed(broken), at: time(5))) == [])
        #expect(pipeline.handle(.loaded(.snapshot(d), at: time(6))) == [])
        #expect(pipeline.waiting == .snapshot(d))
        let second = Generation(number: 2, snapshot: b)
        #expect(pipeline.handle(.validated(request: 2, .passed, at: time(7)))
            == [commit(2, b, after: first, at: 7), request(3, d, against: b, generation: 3, at: 7)])
        #expect(pipeline.waiting == nil)
        #expect(pipeline.handle(.validated(request: 3, .passed, at: time(8))) == [commit(3, d, after: second, at: 8)])
    }

    @Test func validatesTheWaitingCandidateAgainstTheLastGoodAfterARejection() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.loaded(.snapshot(c), at: time(4)))
        #expect(pipeline.handle(.validated(request: 2, .failed(reason: "no", diagnostics: []), at: time(5)))
            == [rejection("no", b, inForce: first, at: 5), request(3, c, against: a, generation: 2, at: 5)])
    }

    @Test func revalidatesAWaitingCandidateEqualToTheRejectedOne() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(4)))
        #expect(pipeline.handle(.validated(request: 2, .failed(reason: "no", diagnostics: []), at: time(5)))
            == [rejection("no", b, inForce: first, at: 5), request(3, b, against: a, generation: 2, at: 5)])
    }

    @Test func findsAWaitingCandidateEqualToTheCommittedOneUnchanged() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(4)))
        #expect(pipeline.handle(.validated(request: 2, .passed, at: time(5)))
            == [commit(2, b, after: first, at: 5), .unchanged(Generation(number: 2, snapshot: b))])
        #expect(pipeline.validating == nil)
    }

    @Test func findsAWaitingReturnToTheLastGoodUnchangedAfterARejection() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.loaded(.snapshot(aResaved), at: time(4)))
        #expect(pipeline.handle(.validated(request: 2, .failed(reason: "no", diagnostics: []), at: time(5)))
            == [rejection("no", b, inForce: first, at: 5), .unchanged(Generation(number: 1, snapshot: aResaved))])
    }

    @Test func rejectsAWaitingFailedLoadAfterTheValidation() {
        var pipeline = started()
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.loaded(.failed(broken), at: time(4)))
        #expect(pipeline.handle(.validated(request: 2, .passed, at: time(5)))
            == [commit(2, b, after: first, at: 5), loadRejection(inForce: Generation(number: 2, snapshot: b), at: 5)])
    }

    // MARK: rollback

    @Test func rollsBackToTheLastHealthyGenerationUnderANewNumber() {
        var pipeline = started()
        #expect(pipeline.handle(.healthy(generation: 1)) == [])
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.validated(request: 2, .passed, at: time(4)))
        let second = Generation(number: 2, snapshot: b)
        let third = Generation(number: 3, snapshot: a)
        #expect(pipeline.handle(.rollBack(reason: "child exited", at: time(5)))
            == [.rollBack(Pipeline.RollBack(
                generation: third, from: second, diff: SnapshotDiff(old: b, new: a), reason: "child exited", time: time(5)
            ))])
        #expect(pipeline.current == third)
        #expect(pipeline.healthy == third)
        #expect(pipeline.handle(.rollBack(reason: "again", at: time(6))) == [])
        #expect(pipeline.handle(.loaded(.snapshot(b), at: time(7))) == [request(3, b, against: a, generation: 4, at: 7)])
    }

    @Test func doesNotRollBackWithoutAnotherHealthyConfiguration() {
        var pipeline = started()
        #expect(pipeline.handle(.rollBack(reason: "x", at: time(3))) == [])
        _ = pipeline.handle(.healthy(generation: 1))
        #expect(pipeline.handle(.rollBack(reason: "x", at: time(3))) == [])
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(4)))
        _ = pipeline.handle(.validated(request: 2, .passed, at: time(5)))
        #expect(pipeline.handle(.healthy(generation: 1)) == [])
        #expect(pipeline.healthy?.number == 1)
        _ = pipeline.handle(.healthy(generation: 2))
        #expect(pipeline.healthy?.number == 2)
        #expect(pipeline.handle(.rollBack(reason: "x", at: time(6))) == [])
    }

    @Test func diffsAValidationThatOutlivedARollbackAgainstTheRolledBackGeneration() {
        var pipeline = started()
        _ = pipeline.handle(.healthy(generation: 1))
        _ = pipeline.handle(.loaded(.snapshot(b), at: time(3)))
        _ = pipeline.handle(.validated(request: 2, .passed, at: time(4)))
        #expect(pipeline.handle(.loaded(.snapshot(c), at: time(5))) == [request(3, c, against: b, generation: 3, at: 5)])
        _ = pipeline.handle(.rollBack(reason: "x", at: time(6)))
        let third = Generation(number: 3, snapshot: a)
        #expect(pipeline.handle(.validated(request: 3, .passed, at: time(7))) == [commit(4, c, after: third, at: 7)])
    }

    // MARK: every short sequence of inputs

    private enum Step: String, CaseIterable {
        case loadA, loadB, loadBroken, pass, fail, healthy, rollBack
    }

    /// Every sequence of five steps keeps the pipeline's promises.
    @Test func keepsItsPromisesOverEverySequenceOfFiveInputs() {
        let steps = Step.allCases
        let length = 5
        var failures: [String] = []
        let count = (0..<length).reduce(1) { product, _ in product * steps.count }
        for code in 0..<count {
            var digits = code
            let sequence = (0..<length).map { _ in
                defer { digits /= steps.count }
                return steps[digits % steps.count]
            }
            if let failure = check(sequence) {
                failures.append("\(sequence.map(\.rawValue)): \(failure)")
                if failures.count == 5 { break }
            }
        }
        #expect(failures == [])
    }

    /// Runs `sequence` and returns the first broken promise, if any.
    private func check(_ sequence: [Step]) -> String? {
        var pipeline = Pipeline()
        var outstanding: Pipeline.ValidationRequest?
        var newestSinceRequest: Candidate?
        var lastNumber = 0
        var inForce: Snapshot?
        for (index, step) in sequence.enumerated() {
            let now = time(Int64(index))
            let input: Pipeline.Input
            switch step {
            case .loadA: input = .loaded(.snapshot(a), at: now)
            case .loadB: input = .loaded(.snapshot(b), at: now)
            case .loadBroken: input = .loaded(.failed(broken), at: now)
            case .pass: input = .validated(request: outstanding?.id ?? 99, .passed, at: now)
            case .fail: input = .validated(request: outstanding?.id ?? 99, .failed(reason: "no", diagnostics: []), at: now)
            case .healthy: input = .healthy(generation: lastNumber)
            case .rollBack: input = .rollBack(reason: "x", at: now)
            }
            let actions = pipeline.handle(input)
            var considered: [Pipeline.Action] = []
            switch (step, outstanding) {
            case (.loadA, _?), (.loadB, _?), (.loadBroken, _?):
                if !actions.isEmpty { return "acted on a candidate during a validation" }
                if case .loaded(let candidate, _) = input { newestSinceRequest = candidate }
                continue
            case (.pass, _?), (.fail, _?):
                outstanding = nil
                considered = Array(actions.dropFirst())
                if newestSinceRequest == nil, !considered.isEmpty { return "acted on nothing waiting" }
                if newestSinceRequest != nil, considered.count != 1 { return "considered \(considered.count) waiting candidates" }
            default:
                considered = actions
            }
            for action in actions {
                switch action {
                case .validate(let request):
                    if outstanding != nil { return "two validations at once" }
                    outstanding = request
                    if case .snapshot(let snapshot)? = newestSinceRequest, considered.first == action,
                       snapshot != request.snapshot {
                        return "validated another candidate than the newest"
                    }
                    newestSinceRequest = nil
                case .commit(let commit):
                    if commit.generation.number != lastNumber + 1 { return "skipped a generation number" }
                    if commit.previous?.snapshot != inForce { return "committed over another snapshot" }
                    if commit.diff != SnapshotDiff(old: inForce ?? .empty, new: commit.generation.snapshot) { return "wrong diff" }
                    if inForce != nil, commit.diff.isEmpty { return "committed an empty diff" }
                    lastNumber += 1
                    inForce = commit.generation.snapshot
                case .rollBack(let rollBack):
                    if rollBack.generation.number != lastNumber + 1 { return "skipped a generation number" }
                    if rollBack.diff.isEmpty { return "rolled back to the same content" }
                    lastNumber += 1
                    inForce = rollBack.generation.snapshot
                case .reject(let rejection):
                    if rejection.inForce?.snapshot != inForce { return "rejected against another snapshot" }
                    newestSinceRequest = nil
                case .unchanged(let generation):
                    if generation.number != lastNumber || generation.snapshot.digest != inForce?.digest {
                        return "unchanged against another generation"
                    }
                    inForce = generation.snapshot
                    newestSinceRequest = nil
                }
            }
            if pipeline.current?.number ?? 0 != lastNumber { return "current generation drifted" }
            if pipeline.validating != outstanding { return "validation state drifted" }
        }
        return nil
    }
}
