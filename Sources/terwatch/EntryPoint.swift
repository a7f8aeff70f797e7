import ArgumentParser
import TerwatchCore

/// Runs `terwatch`, mapping ArgumentParser's usage-error status (64) to the documented 2.
@main
enum EntryPoint {
    /// The exit status of a usage error (CLI.md).
    static let usageError = ExitCode(2)

    /// terwatch's signals, taken by a `SignalCenter` started first thing in `main`, before any other thread exists.
    static let signals = Result { () throws(SignalError) in try SignalCenter.start() }

    static func main() {
        MainLoop.install()
        _ = signals
        Terwatch.startThreadsEarly()
        do {
            // Whatever the outcome, a thread started early that the command did not adopt goes before terwatch exits.
            defer { InotifyThread.discardEarly() }
            var command = try Terwatch.parseCommandLine()
            try command.run()
        } catch {
            guard Terwatch.exitCode(for: error) == .validationFailure else {
                Terwatch.exit(withError: error)
            }
            StandardStreams.writeError(Terwatch.fullMessage(for: error) + "\n")
            Terwatch.exit(withError: usageError)
        }
    }
}
