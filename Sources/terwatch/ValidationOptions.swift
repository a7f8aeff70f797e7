import ArgumentParser
import TerwatchCore

/// Built-in checks on the loaded environment (check, print).
struct ValidationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("KEY must be set and non-empty; repeatable.", valueName: "key"))
    var require: [String] = []

    /// The required keys.
    var requiredKeys: RequiredKeys { RequiredKeys(require) }
}
