import ArgumentParser

/// `terwatch audit`: commands on audit logs.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with audit logs (--audit-log).",
        subcommands: [AuditVerifyCommand.self]
    )
}
