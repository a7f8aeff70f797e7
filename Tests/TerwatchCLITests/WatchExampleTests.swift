import Foundation
import Testing

/// The `terwatch watch` examples, run from a copy of their folder as a user would run them.
@Suite struct WatchExampleTests {
    /// A sandbox holding a copy of `examples/NAME`, so each test edits its own files.
    private func sandbox(withExample name: String) throws -> Sandbox {
        let sandbox = try Sandbox()
        let source = Sandbox.packageRoot.appendingPathComponent("examples/\(name)").path
        let copy = try sandbox.shell("cp -a '\(source)/.' . && rm -f daemon.pid reloads.log")
        #expect(copy.status == 0, "\(copy)")
        return sandbox
    }

    @Test func sighupDaemonReloadsOnAcceptedEditsOnly() throws {
        let sandbox = try sandbox(withExample: "sighup-daemon")
        // The README's main command: run.sh starts the daemon and terwatch, both writing to the pipe read here.
        let run = try AgentProcess(
            sandbox, ["-c", "exec 1>&2; exec ./run.sh"], executable: "/bin/sh",
            environment: ["TERWATCH": Sandbox.terwatch.path])
        defer { run.stop() }
        #expect(run.waitForLine(containing: "config: load 1 GREETING=hello WORKERS=4") != nil, "\(run.errorOutput)")
        #expect(run.waitUntilWatching(), "\(run.errorOutput)")

        try sandbox.write(".env", "GREETING=bonjour\nWORKERS=4\nLOG_LEVEL=info\n")
        #expect(run.waitForLine(containing: "config: load 2 GREETING=bonjour WORKERS=4") != nil, "\(run.errorOutput)")

        // A broken edit is rejected: the daemon is not signalled and keeps its values.
        let mark = run.lines.count
        try sandbox.write(".env", "GREETING=hola\nWORKERS=\"8\n")
        #expect(run.waitForLine(containing: "unterminated double-quoted value of 'WORKERS'", from: mark) != nil, "\(run.errorOutput)")
        try sandbox.write(".env", "GREETING=hola\nWORKERS=8\n")
        let next = run.waitForLine(containing: "config: load", from: mark)
        #expect(next?.hasSuffix("config: load 3 GREETING=hola WORKERS=8") == true, "\(run.errorOutput)")
    }

    @Test func devLoopRejectsABadPortAndAcceptsTheFix() throws {
        let sandbox = try sandbox(withExample: "dev-loop")
        let watch = try AgentProcess(sandbox, [
            "watch", "-f", ".env", "--validate", "./check.sh",
            "--exec", #"echo "reloaded: PORT=$PORT API_URL=$API_URL" >> reloads.log"#,
        ])
        defer { watch.stop() }
        #expect(watch.waitUntilWatching(), "\(watch.errorOutput)")

        try sandbox.write(".env", "PORT=80800\nAPI_URL=https://api.example.com/v1\n")
        let rejection = watch.waitForLine(containing: "rejected")
        #expect(rejection?.contains(
            "validation hook './check.sh' exited with status 1: PORT must be between 1 and 65535, not 80800") == true,
            "\(watch.errorOutput)")

        let mark = watch.lines.count
        try sandbox.write(".env", "PORT=9090\nAPI_URL=https://api.example.com/v2\n")
        #expect(watch.waitForLine(containing: "reload generation=2", from: mark) != nil, "\(watch.errorOutput)")
        // The exec hook runs in its own task: wait (bounded) for its line to land.
        let logged = sandbox.directory.appendingPathComponent("reloads.log").path
        var text = ""
        let deadline = Date().addingTimeInterval(AgentProcess.deadline)
        while Date() < deadline {
            text = (try? String(contentsOfFile: logged, encoding: .utf8)) ?? ""
            if !text.isEmpty { break }
            usleep(10_000)
        }
        #expect(text == "reloaded: PORT=9090 API_URL=https://api.example.com/v2\n")
    }
}
