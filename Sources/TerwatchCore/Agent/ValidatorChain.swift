/// The validators a candidate goes through, in order: the `--require` keys, then each `--validate` hook; the first failure rejects it.
///
/// A hook runs with `/bin/sh -c CMD` in its own process group (`HookRunner`),
/// with the candidate's environment and `TERWATCH_*` variables (`AgentEvent`),
/// the proposed `reload` event as one JSON line on stdin, and the hook
/// timeout. A non-zero status, a death by signal, a timeout or a failure to
/// start rejects the candidate with a reason that names the hook and ends
/// with its output (`HookFailure`); later hooks do not run.
public struct ValidatorChain: Sendable {
    /// Keys that must be set and non-empty.
    public var required: RequiredKeys
    /// The `--validate` commands, in order.
    public var hooks: [String]
    /// Runs the hooks, with the hook timeout.
    public var runner: HookRunner
    /// The variables hooks inherit (empty with `--pristine`).
    public var inherited: [(key: String, value: String)]

    /// Creates a chain.
    public init(required: RequiredKeys, hooks: [String], runner: HookRunner, inherited: [(key: String, value: String)]) {
        self.required = required
        self.hooks = hooks
        self.runner = runner
        self.inherited = inherited
    }

    /// The verdict on a candidate whose load is `loaded` and whose proposed event is `proposed` (made only when a hook runs).
    public func validate(loaded: LoadedEnvironment, proposed: @autoclosure @Sendable () -> AgentEvent) async -> ValidationVerdict {
        let unmet = required.unmet(in: loaded)
        if !unmet.isEmpty {
            return .failed(
                reason: unmet.map(\.message).joined(separator: "; "),
                diagnostics: unmet.compactMap(\.diagnostic))
        }
        guard !hooks.isEmpty else { return .passed }
        let proposed = proposed()
        let environment = proposed.environment(inheriting: inherited)
        let input = Array((proposed.line + "\n").utf8)
        for hook in hooks {
            let failure: HookFailure?
            do {
                let result = try await runner.run(hook, environment: environment, input: input)
                failure = HookFailure(.validation, command: hook, result: result, timeout: runner.timeout)
            } catch {
                failure = HookFailure(.validation, command: hook, error: error)
            }
            if let failure { return .failed(reason: failure.reason, diagnostics: []) }
        }
        return .passed
    }
}
