import Foundation

/// A temporary working directory in which tests write sources and run the built `terwatch`.
final class Sandbox {
    /// The package's root directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle, else in the package's .build/debug.
    /// The binary under test: `$TERWATCH_TEST_BINARY` when set (e.g. the release build of scripts/build-release.sh), else the debug build.
    static let terwatch: URL = {
        if let chosen = ProcessInfo.processInfo.environment["TERWATCH_TEST_BINARY"] { return URL(fileURLWithPath: chosen) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("terwatch")
        let inBuild = packageRoot.appendingPathComponent(".build/debug/terwatch")
        return [besideTests, inBuild].first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? inBuild
    }()

    /// The environment every run starts from; tests add to it.
    static let baseEnvironment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]

    /// The working directory.
    let directory: URL

    /// The base environment with this directory as TMPDIR: terwatch's inotify wake
    /// directory goes here, and is removed with the sandbox even after a SIGKILL.
    var environment: [String: String] {
        Self.baseEnvironment.merging(["TMPDIR": directory.path]) { $1 }
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("terwatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to `path`, relative to the working directory, creating parent directories.
    func write(_ path: String, _ text: String) throws {
        let file = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Sets the permission bits of `path`, relative to the working directory.
    func setMode(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes(
            [.posixPermissions: mode], ofItemAtPath: directory.appendingPathComponent(path).path)
    }

    /// Whether `path`, relative to the working directory, exists.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
    }

    /// Runs `terwatch arguments…` here with the base environment plus `environment`.
    func terwatch(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(
            Self.terwatch, arguments, in: directory,
            environment: Self.baseEnvironment.merging(environment) { $1 }
        )
    }

    /// Runs `/bin/sh -c script` here; `$TERWATCH` names the built binary.
    func shell(_ script: String) throws -> ProcessResult {
        try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: directory,
            environment: Self.baseEnvironment.merging(["TERWATCH": Self.terwatch.path]) { $1 }
        )
    }
}
