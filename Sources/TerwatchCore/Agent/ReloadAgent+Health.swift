extension ReloadAgent {
    /// The child of `generation` outlived the rollback window: a rollback now returns to that generation.
    func childHealthy(generation: Int) {
        _ = pipeline.handle(.healthy(generation: generation))
    }

    /// The child of the generation in force failed within the rollback window: returns to the last healthy configuration under a new generation, logs, records and publishes the `rolled-back` event; nil when there is nothing to return to.
    ///
    /// The failed files are not read again until they change (or a `SIGHUP`
    /// asks for a check): the pipeline diffs the next candidate against the
    /// restored configuration, so the same bad content would then be
    /// validated and committed again.
    func rollBack(reason: String) -> Generation? {
        for action in pipeline.handle(.rollBack(reason: reason, at: .now())) {
            guard case .rollBack(let rollBack) = action else { continue }
            retired.retire(rollBack.from.snapshot, keeping: rollBack.generation.snapshot)
            logger.redact(with: Redactor(
                snapshots: rollBack.generation.snapshot, rollBack.from.snapshot, retired: retired))
            logger.warning("rolled-back", [
                "generation": .integer(rollBack.generation.number),
                "from": .integer(rollBack.from.number),
                "changed": .list(rollBack.diff.changedKeys),
                "reason": .string(reason),
            ])
            audit?.record(rollBack)
            subscribers.publish(AgentEvent(rollBack))
            return rollBack.generation
        }
        return nil
    }
}
