/// The agent's `--audit-log`: one record per committed or rejected candidate and per rollback, and with `--audit-required` no commit that is not recorded.
///
/// With `required`, a validated candidate's record is written before it is
/// committed (`recordProposal`); if that fails, the candidate is rejected
/// with the reason, and the commit itself writes nothing more. Otherwise a
/// commit or a rejection is recorded after the fact, and a failure to write
/// is a warning. Not thread-safe: the agent owns it.
final class AuditTrail {
    private let log: AuditLog
    private let required: Bool
    private let fingerprinter: Fingerprinter
    private let logger: Logger
    /// The validation request whose record is already written (required mode).
    private var recordedRequest: Int?

    /// Opens (creating, mode 0600) the log at `path`.
    init(path: String, required: Bool, fingerprinter: Fingerprinter, logger: Logger) throws(AuditLogError) {
        log = try AuditLog(path: path)
        self.required = required
        self.fingerprinter = fingerprinter
        self.logger = logger
    }

    /// With `--audit-required`, records a validated candidate before its commit; returns why the candidate must be rejected, if it must.
    func recordProposal(_ request: ReloadPipeline.ValidationRequest) -> String? {
        guard required else { return nil }
        do {
            try log.append(AuditRecord(proposed: request, fingerprinter: fingerprinter))
            recordedRequest = request.id
            return nil
        } catch {
            return "the reload cannot be recorded in the audit log: \(error)"
        }
    }

    /// Records a commit (unless its proposal was recorded already, which holds exactly when `request` is the recorded one).
    func record(_ commit: ReloadPipeline.Commit, request: Int?) {
        if let request, request == recordedRequest { return }
        append(AuditRecord(commit, fingerprinter: fingerprinter))
    }

    /// Records a rejection, its reason passed through `redactor`.
    func record(_ rejection: ReloadPipeline.Rejection, redactor: Redactor) {
        append(AuditRecord(rejection, redactor: redactor, fingerprinter: fingerprinter))
    }

    /// Records a rollback (after the fact, even with `--audit-required`: the failed child leaves no choice).
    func record(_ rollBack: ReloadPipeline.RollBack) {
        append(AuditRecord(rollBack, fingerprinter: fingerprinter))
    }

    private func append(_ record: AuditRecord) {
        do {
            try log.append(record)
        } catch {
            logger.warning("audit-failed", ["path": .string(log.path), "error": .string(error.description)])
        }
    }
}
