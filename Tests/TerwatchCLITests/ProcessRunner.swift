import Foundation

/// What a finished process left behind.
struct ProcessResult: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    /// The exit status, or 128+N when the process died of signal N.
    var status: Int32

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---" }
}

/// Runs a program to completion with stdin from /dev/null, a fixed environment and a deadline.
enum ProcessRunner {
    /// How long any one run may take before it is killed and the test fails.
    static let deadline: TimeInterval = 60

    struct DeadlineExceeded: Error, CustomStringConvertible {
        var command: [String]
        var description: String { "\(command.joined(separator: " ")) ran past \(Int(ProcessRunner.deadline))s" }
    }

    /// Runs `executable` with `arguments` in `directory`; stdout and stderr go through files, not pipes.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL,
        environment: [String: String]
    ) throws -> ProcessResult {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("terwatch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout")
        let stderrURL = outputs.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + deadline) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw DeadlineExceeded(command: [executable.path] + arguments)
        }
        let status = process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus
            : process.terminationStatus
        return ProcessResult(
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self),
            status: status
        )
    }
}
