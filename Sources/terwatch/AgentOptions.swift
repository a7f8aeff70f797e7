import ArgumentParser
import TerwatchCore

/// The option groups of every command that runs the agent (watch, run), and the configuration they make.
struct AgentOptions {
    let files: EnvFileOptions
    let sources: SourceOptions
    let validation: ValidationOptions
    let hooks: HookOptions
    let notification: NotificationOptions
    let secrets: SecretOptions
    let audit: AuditOptions

    /// The agent's configuration; throws a usage error for an invalid secret pattern or signal target.
    func configuration() throws -> AgentConfiguration {
        AgentConfiguration(
            load: sources.loadOptions(paths: files.envFiles),
            secrets: try secrets.policy(),
            required: validation.requiredKeys,
            validateHooks: hooks.validate,
            execHooks: notification.exec,
            fifos: notification.fifo,
            signal: SignalNotifier(signal: notification.signal, targets: try notification.targets()),
            hookTimeout: hooks.hookTimeout.duration,
            debounce: Debouncer.Settings(settle: notification.debounce.duration),
            notifyRejections: notification.notifyRejections,
            auditLog: audit.auditLog,
            auditRequired: audit.auditRequired)
    }

    /// The signal center `main` started and a fresh fingerprinting key; logs and exits 125 when either is missing.
    static func startup(logger: Logger) throws -> (SignalCenter, Fingerprinter) {
        do {
            return (try EntryPoint.signals.get(), try Fingerprinter.random())
        } catch {
            logger.error("start-failed", ["error": .string("\(error)")])
            throw ExitCode(ReloadAgent.internalFailure)
        }
    }
}
