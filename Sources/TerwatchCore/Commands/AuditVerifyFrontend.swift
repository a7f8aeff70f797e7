/// `terwatch audit verify FILE`: check an audit log's hash chain.
public struct AuditVerifyFrontend: Sendable {
    /// The log to verify.
    public var path: String

    /// Creates the command.
    public init(path: String) {
        self.path = path
    }

    /// Runs the check: `ok: N records` on stdout and status 0, or `FILE:LINE: error: chain broken: …` on stderr and status 1.
    ///
    /// A log that cannot be read is an error with status 1 too.
    public func run() -> CommandOutcome {
        var outcome = CommandOutcome()
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: path, limit: Int.max)
        } catch {
            outcome.fail(error.description)
            return outcome
        }
        switch AuditChain.verify(bytes) {
        case .intact(let records):
            outcome.output = "ok: \(records) record\(records == 1 ? "" : "s")\n"
        case .broken(let line, let reason):
            outcome.messages.append("\(path):\(line): error: chain broken: \(reason)")
            outcome.status = CommandOutcome.invalidInput
        }
        return outcome
    }
}
