import ArgumentParser
import TerwatchCore

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

    /// Starts, while the command line is parsed, the threads the command it names will need: the inotify thread for `run` (the default) and `watch`, the exit watcher's for `run`.
    ///
    /// Judged by the first argument alone; whoever exits without having run the
    /// command calls `InotifyThread.discardEarly()`.
    static func startThreadsEarly() {
        guard let first = CommandLine.arguments.dropFirst().first else { return }
        let runs = !subcommandNames.contains(first) || first == RunCommand.configuration.commandName
        guard runs || first == WatchCommand.configuration.commandName else { return }
        InotifyThread.launchEarly()
        if runs { ChildExitWatcher.shared.prepare() }
    }

    /// The names of the subcommands, and `help`.
    private static let subcommandNames = Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
}
