import Foundation
import Glibc
import Testing

/// Every end-to-end test of `terwatch watch`, one at a time: each runs a real agent with real inotify and hooks.
@Suite(.serialized) enum WatchTests {}

/// A sandbox, a FIFO `events.fifo` the test reads, and `terwatch watch --fifo events.fifo …` running there.
final class WatchSession {
    let sandbox: Sandbox
    let events: EventFIFO
    let agent: AgentProcess

    /// Writes `files` (relative path → text), runs `prepare`, makes the FIFO (opened unless `readerOpen` is false), starts the agent.
    init(
        files: [String: String] = [".env": "A=1\nB=x\n"], _ arguments: [String] = [],
        readerOpen: Bool = true, environment: [String: String] = [:], prepare: (Sandbox) throws -> Void = { _ in }
    ) throws {
        sandbox = try Sandbox()
        for (path, text) in files { try sandbox.write(path, text) }
        try prepare(sandbox)
        events = try EventFIFO(sandbox.path("events.fifo"), opened: readerOpen)
        agent = try AgentProcess(sandbox, ["watch", "--fifo", "events.fifo"] + arguments, environment: environment)
    }

    /// Starts the agent and waits for its `watching` line.
    static func watching(
        files: [String: String] = [".env": "A=1\nB=x\n"], _ arguments: [String] = [],
        readerOpen: Bool = true, environment: [String: String] = [:], prepare: (Sandbox) throws -> Void = { _ in }
    ) throws -> WatchSession {
        let session = try WatchSession(
            files: files, arguments, readerOpen: readerOpen, environment: environment, prepare: prepare)
        try #require(session.agent.waitUntilWatching(), "no watching line:\n\(session.agent.errorOutput)")
        return session
    }

    /// Runs `script` with /bin/sh in the sandbox and requires it to succeed.
    func sh(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try sandbox.sh(script, sourceLocation: sourceLocation)
    }

    /// The next event on the FIFO, or a failure that shows terwatch's stderr.
    func nextEvent(sourceLocation: SourceLocation = #_sourceLocation) throws -> Event {
        try #require(events.nextEvent(), "no event; stderr:\n\(agent.errorOutput)", sourceLocation: sourceLocation)
    }

    /// Makes a real change after something that must not notify, and requires it to be the next event: generation `generation`, `STEP<generation>=done` added.
    func expectNextIsRealChange(generation: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try sh("echo STEP\(generation)=done >> .env", sourceLocation: sourceLocation)
        #expect(try nextEvent(sourceLocation: sourceLocation)
                    == .reload(generation, added: ["STEP\(generation)"], values: ["STEP\(generation)": "done"]),
                sourceLocation: sourceLocation)
    }

    /// Stops the agent with SIGTERM and requires exit status 0; afterwards `agent.errorOutput` is complete.
    func stop(sourceLocation: SourceLocation = #_sourceLocation) {
        agent.send(SIGTERM)
        #expect(agent.waitForExit() == 0, "\(agent.errorOutput)", sourceLocation: sourceLocation)
    }

    /// Waits for a stderr line containing `text` at or after line `from`; fails showing stderr otherwise.
    @discardableResult
    func logLine(_ text: String, from: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(agent.waitForLine(containing: text, from: from), "no line with '\(text)':\n\(agent.errorOutput)",
                     sourceLocation: sourceLocation)
    }
}

extension Sandbox {
    /// Runs `script` with /bin/sh here and requires it to succeed.
    func sh(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try shell(script)
        try #require(result.status == 0, "\(script)\n\(result)", sourceLocation: sourceLocation)
    }

    /// Copies examples/`name` of the package here, as a user would start from it.
    func copyExample(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let example = Self.packageRoot.appendingPathComponent("examples/\(name)").path
        try sh("cp -a '\(example)/.' .", sourceLocation: sourceLocation)
    }

    /// The absolute path of `relative` in the sandbox.
    func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// Writes an executable shell script.
    func script(_ path: String, _ body: String) throws {
        try write(path, "#!/bin/sh\n" + body)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: self.path(path))
    }
}
