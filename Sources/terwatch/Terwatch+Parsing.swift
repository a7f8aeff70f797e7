import ArgumentParser

extension Terwatch {
    /// The command the command line names.
    ///
    /// When the first argument names no subcommand, the line is parsed as `run`
    /// directly: going through the root first would build `run`'s many options
    /// twice, about half a millisecond of every wrapped start. A line `run`
    /// rejects (help, an unknown option, a usage error) goes through the root
    /// after all, so messages and help read as they always do.
    static func parseCommandLine() throws -> ParsableCommand {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !subcommandNames.contains(first),
           let run = try? RunCommand.parseAsRoot(arguments) {
            return run
        }
        return try parseAsRoot(arguments)
    }

    /// The names of the subcommands, and `help`.
    private static var subcommandNames: Set<String> {
        Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
    }
}
