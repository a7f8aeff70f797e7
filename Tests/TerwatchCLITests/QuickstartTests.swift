import Foundation
import Testing

/// The README's commands on the bundled example.
@Suite struct QuickstartTests {
    private func terwatch(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(
            Sandbox.terwatch, arguments, in: Sandbox.packageRoot, environment: Sandbox.baseEnvironment)
    }

    @Test func exampleChecksWithPortabilityAndPermissionWarningsOnly() throws {
        let result = try terwatch("check", "examples/quickstart/.env")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "")
        // A checkout's mode follows the umask: 0644 under 022, 0664 under 002.
        let path = Sandbox.packageRoot.appendingPathComponent("examples/quickstart/.env").path
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(result.stderr.hasSuffix(
            "examples/quickstart/.env:30:1: warning: file holding secret 'DB_PASSWORD' is readable by group or others "
                + "(mode 0\(String(mode, radix: 8)))\n"
                + "terwatch: checked 1 file, 10 keys: 0 errors, 4 warnings\n"), "\(result)")
    }

    @Test func examplePrintsItsResolvedValues() throws {
        #expect(try terwatch("print", "examples/quickstart/.env", "--format", "json") == ProcessResult(
            stdout: #"{"APP_NAME":"quickstart","HOST":"localhost","PORT":"8080","BASE_URL":"http://localhost:8080","#
                + #""LOG_LEVEL":"info","PRICE_LABEL":"costs $5","GREETING":"hello, quickstart!\tready","#
                + #""FEATURES":"search,export,billing","#
                + #""WELCOME":"Welcome to quickstart.\nOpen http://localhost:8080/ to begin.","#
                + #""DB_PASSWORD":"<redacted>"}"# + "\n",
            stderr: "", status: 0))
    }
}
