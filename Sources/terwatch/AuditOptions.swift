import ArgumentParser
import TerwatchCore

/// The audit log of the watching commands: where it goes and whether a reload it cannot record is turned down.
struct AuditOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Append one hash-chained JSON record per committed, rejected or rolled-back reload (created mode 0600).",
        valueName: "file"
    ))
    var auditLog: String?

    @Flag(help: "Reject a reload that cannot be recorded in the audit log.")
    var auditRequired = false

    func validate() throws {
        if auditRequired && auditLog == nil {
            throw ValidationError("--audit-required needs --audit-log FILE.")
        }
    }

    /// The log, opened; nil without `--audit-log`.
    func open() throws(AuditLogError) -> AuditLog? {
        try auditLog.map { path throws(AuditLogError) in try AuditLog(path: path) }
    }
}
