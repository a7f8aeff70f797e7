import ArgumentParser
import TerwatchCore

/// The `terwatch` command line: parsing and wiring only.
struct Terwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terwatch",
        abstract: "Keep a process's .env configuration live: watch, validate, notify."
    )
}

Terwatch.main()
