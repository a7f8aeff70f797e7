/// `--exec CMD`: run after each committed change (and each rejection with `--notify-rejections`).
///
/// The hook gets the event as one JSON line on stdin and the new
/// configuration plus `TERWATCH_*` in its environment (`AgentEvent`), runs in
/// its own process group under the hook timeout, and its failure is a
/// warning that quotes its output (redacted): it never undoes the reload.
/// Runs of one hook never overlap: a later event waits for the run before it.
struct ExecSubscriber: Subscriber {
    let command: String
    let runner: HookRunner
    let inherited: [(key: String, value: String)]
    let takesRejections: Bool
    let logger: Logger

    func receive(_ event: AgentEvent) async {
        let failure: HookFailure?
        do {
            let result = try await runner.run(
                command,
                environment: event.environment(inheriting: inherited),
                input: Array((event.line + "\n").utf8))
            failure = HookFailure(.exec, command: command, result: result, timeout: runner.timeout)
            if failure == nil {
                logger.debug("exec", [
                    "hook": .string(command), "generation": .integer(event.generation),
                    "duration": .duration(result.duration),
                ])
            }
        } catch {
            failure = HookFailure(.exec, command: command, error: error)
        }
        guard let failure, !Task.isCancelled else { return }
        let redactor = Redactor(snapshots: event.snapshot)
        logger.warning("exec-failed", [
            "generation": .integer(event.generation), "reason": .string(redactor.redact(failure.reason)),
        ])
    }
}
