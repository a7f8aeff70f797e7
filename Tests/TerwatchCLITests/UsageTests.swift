import Foundation
import Testing

/// Usage errors exit 2 with ArgumentParser's message on stderr; help exits 0 on stdout.
///
/// Each run has its sandbox as TMPDIR: the inotify thread terwatch starts while
/// it parses a watching command line must be gone, with its wake directory, when
/// the line turns out to be an error or a request for help.
@Suite struct UsageTests {
    @Test(arguments: [
        (["print", "--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'"),
        (["diff", "old.env"], "Error: Missing expected argument '<new>'"),
        (["check", "--no-such-flag"], "Error: Unknown option '--no-such-flag'"),
        (["print", "--secret-pattern", "a("], "Error: invalid secret pattern 'a(': "),
        (["check", "--max-file-size", "1X"], "Error: The value '1X' is invalid for '--max-file-size <bytes>'"),
        (["check", "--max-keys=-3"], "Error: --max-keys must not be negative, not '-3'."),
        (["diff", "a.env", "b.env", "--format", "env"], "Error: The value 'env' is invalid for '--format <format>'"),
        (["-f", ".env"], "Error: Missing COMMAND to run."),
        (["--on-change", "reload", "true"], "Error: The value 'reload' is invalid for '--on-change <action>'"),
        (["--restart", "sometimes", "true"], "Error: The value 'sometimes' is invalid for '--restart <when>'"),
        (["--stop-signal", "FOO", "true"], "Error: The value 'FOO' is invalid for '--stop-signal <sig>'"),
        (["watch", "--signal", "FOO"], "Error: The value 'FOO' is invalid for '--signal <sig>': signal 'FOO' is not a signal name or number"),
        (["watch", "--signal-pid", "0"], "Error: --signal-pid must be a process id above 0, not '0'."),
        (["watch", "--debounce", "1x"], "Error: The value '1x' is invalid for '--debounce <duration>'"),
        (["watch", "--hook-timeout=-1s"], "Error: The value '-1s' is invalid for '--hook-timeout <duration>'"),
        (["watch", "--log-format", "xml"], "Error: The value 'xml' is invalid for '--log-format <log-format>'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=1\n")
        let result = try ProcessRunner.run(
            Sandbox.terwatch, arguments, in: sandbox.directory, environment: sandbox.environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(message), "\(result)")
        #expect(try Self.wakeDirectories(sandbox) == [])
    }

    @Test(arguments: [[], ["--help"], ["check", "--help"], ["help", "print"], ["diff", "-h"], ["watch", "--help"], ["run", "--help"]])
    func helpExitsZeroOnStdout(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let result = try ProcessRunner.run(
            Sandbox.terwatch, arguments, in: sandbox.directory, environment: sandbox.environment)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("OVERVIEW: "), "\(result)")
        #expect(result.stdout.contains("USAGE: terwatch"))
        #expect(result.stderr == "")
        #expect(try Self.wakeDirectories(sandbox) == [])
    }

    /// The inotify wake directories left in `sandbox`.
    static func wakeDirectories(_ sandbox: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path).filter { $0.hasPrefix("terwatch-inotify-") }
    }
}
