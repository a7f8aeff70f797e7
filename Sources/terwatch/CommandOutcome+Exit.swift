import ArgumentParser
import TerwatchCore

extension CommandOutcome {
    /// Writes the outcome, then ends the command with its status.
    func finish() throws {
        write()
        if status != 0 { throw ExitCode(status) }
    }
}
