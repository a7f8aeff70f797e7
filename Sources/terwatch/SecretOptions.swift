import ArgumentParser
import TerwatchCore

/// Which keys are secret and whether their values may be printed (print, diff).
struct SecretOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Mark KEY secret; repeatable.", valueName: "key"))
    var secret: [String] = []

    @Option(help: ArgumentHelp(
        "Keys whose name matches REGEX are secret, on top of the default pattern; repeatable.",
        valueName: "regex"
    ))
    var secretPattern: [String] = []

    @Flag(help: "Print secret values instead of <redacted>.")
    var showSecrets = false

    func validate() throws {
        _ = try policy()
    }

    /// The policy the options describe.
    func policy() throws -> SecretPolicy {
        do {
            return try SecretPolicy(keys: secret, patterns: secretPattern)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
