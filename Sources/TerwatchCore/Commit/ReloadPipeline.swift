/// The commit stage as a value state machine: candidates in, validate / commit / reject actions out; no I/O, time comes in with the inputs.
///
/// It holds the generation in force (the last good snapshot). A candidate is
/// diffed against it: an empty diff is `unchanged` and skips validation;
/// anything else is validated, then committed under the next generation
/// number or rejected (no number; the next candidate is again diffed against
/// the generation in force). The first candidate is always validated and, if
/// it passes, committed as generation 1 even when empty. One validation runs
/// at a time: candidates that arrive meanwhile replace each other, and the
/// newest is considered as soon as the running validation finishes.
public struct ReloadPipeline: Hashable, Sendable {
    /// The generation in force; nil until the first commit.
    public private(set) var current: Generation?
    /// The last generation reported healthy: where a rollback returns to.
    public private(set) var healthy: Generation?
    /// The validation under way.
    public private(set) var validating: ValidationRequest?
    /// The newest candidate that arrived during the validation under way.
    public private(set) var waiting: Candidate?
    private var nextRequest = 1

    /// Creates a pipeline with nothing committed.
    public init() {}

    /// Feeds one input and returns what to do, in order.
    public mutating func handle(_ input: Input) -> [Action] {
        switch input {
        case .loaded(let candidate, let time):
            if validating != nil {
                waiting = candidate
                return []
            }
            return consider(candidate, at: time)
        case .validated(let id, let verdict, let time):
            guard let request = validating, request.id == id else { return [] }
            validating = nil
            var actions = [conclude(request, verdict, at: time)]
            if let next = waiting {
                waiting = nil
                actions += consider(next, at: time)
            }
            return actions
        case .healthy(let number):
            if let current, current.number == number { healthy = current }
            return []
        case .rollBack(let reason, let time):
            return rollBack(reason: reason, at: time)
        }
    }

    private var inForce: Snapshot { current?.snapshot ?? .empty }
    private var nextNumber: Int { (current?.number ?? 0) + 1 }

    private mutating func consider(_ candidate: Candidate, at time: Timestamp) -> [Action] {
        switch candidate {
        case .failed(let failure):
            return [.reject(Rejection(
                reason: failure.reason, diagnostics: failure.diagnostics, candidate: failure.partial,
                diff: nil, inForce: current, time: time
            ))]
        case .snapshot(let snapshot):
            let diff = SnapshotDiff(old: inForce, new: snapshot)
            if let unchanged = refreshed(with: snapshot, diff) { return [.unchanged(unchanged)] }
            let request = ValidationRequest(
                id: nextRequest, snapshot: snapshot, diff: diff, generation: nextNumber, time: time
            )
            nextRequest += 1
            validating = request
            return [.validate(request)]
        }
    }

    private mutating func conclude(
        _ request: ValidationRequest, _ verdict: ValidationVerdict, at time: Timestamp
    ) -> Action {
        let diff = SnapshotDiff(old: inForce, new: request.snapshot)
        switch verdict {
        case .failed(let reason, let diagnostics):
            return .reject(Rejection(
                reason: reason, diagnostics: diagnostics, candidate: request.snapshot,
                diff: diff, inForce: current, time: time
            ))
        case .passed:
            if let unchanged = refreshed(with: request.snapshot, diff) { return .unchanged(unchanged) }
            let generation = Generation(number: nextNumber, snapshot: request.snapshot)
            let commit = Commit(generation: generation, previous: current, diff: diff, time: time)
            current = generation
            return .commit(commit)
        }
    }

    /// When `diff` is empty and a generation is in force: that generation, now holding `snapshot` (same content, fresh origins and file hashes).
    private mutating func refreshed(with snapshot: Snapshot, _ diff: SnapshotDiff) -> Generation? {
        guard let current, diff.isEmpty else { return nil }
        let generation = Generation(number: current.number, snapshot: snapshot)
        self.current = generation
        if healthy?.number == current.number { healthy = generation }
        return generation
    }

    private mutating func rollBack(reason: String, at time: Timestamp) -> [Action] {
        guard let current, let healthy, healthy.number != current.number else { return [] }
        let diff = SnapshotDiff(old: current.snapshot, new: healthy.snapshot)
        guard !diff.isEmpty else { return [] }
        let generation = Generation(number: current.number + 1, snapshot: healthy.snapshot)
        self.current = generation
        self.healthy = generation
        return [.rollBack(RollBack(generation: generation, from: current, diff: diff, reason: reason, time: time))]
    }
}
