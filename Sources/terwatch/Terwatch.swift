import ArgumentParser

/// The `terwatch` command line: parsing and wiring only; the work is in TerwatchCore.
struct Terwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terwatch",
        abstract: "Keep a process's .env configuration live: watch, validate, notify.",
        subcommands: [RunCommand.self, CheckCommand.self, PrintCommand.self, DiffCommand.self, WatchCommand.self, AuditCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
