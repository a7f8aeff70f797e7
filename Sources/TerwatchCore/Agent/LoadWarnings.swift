import TerwatchEnv

/// Which warnings of each load the watching modes log: every warning of a load that changes the configuration, and only new ones otherwise.
///
/// A load's warnings are its files' (an invalid name in a secrets
/// directory, an undefined reference, a forward reference…) and the secret
/// files others may read (`SecretFileHygiene`), as `check` prints them. A
/// load that changes the configuration — a candidate that is then validated
/// and committed or rejected, or a load that fails — logs all of its
/// warnings, once. A load that changes nothing (a `touch`, an identical
/// save, a `chmod`, a `SIGHUP` check) logs only the warnings the load before
/// it did not have, so an unchanged file's warnings are not repeated at every
/// check, while a `chmod 644` of a secret file still shows at once.
public struct LoadWarnings: Hashable, Sendable {
    /// The warnings of the last load.
    private var previous: Set<Diagnostic> = []

    /// Nothing logged yet.
    public init() {}

    /// The warnings of `loaded`: its diagnostics of warning severity, then one per secret file that group or others may read.
    public static func of(_ loaded: LoadedEnvironment, _ classification: SecretClassification) -> [Diagnostic] {
        loaded.diagnostics.filter { $0.severity == .warning } + SecretFileHygiene.warnings(loaded, classification)
    }

    /// Which of a load's `warnings` to log, given whether the load changes the configuration; remembers them for the next load.
    public mutating func toLog(_ warnings: [Diagnostic], changesConfiguration: Bool) -> [Diagnostic] {
        defer { previous = Set(warnings) }
        return changesConfiguration ? warnings : warnings.filter { !previous.contains($0) }
    }
}
