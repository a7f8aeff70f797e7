import ArgumentParser
import TerwatchCore

/// `terwatch audit verify FILE`: check an audit log's hash chain.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an audit log's hash chain: 'ok: N records', or the first broken line (exit 1)."
    )

    @Argument(help: ArgumentHelp("The audit log.", valueName: "file"))
    var file: String

    func run() throws {
        try AuditVerifyFrontend(path: file).run().finish()
    }
}
