import Foundation
import Glibc
import Testing

extension WatchTests {
    /// Signals to terwatch, secrets, and sources that come and go.
    @Suite struct LifecycleTests {
        @Test func sighupForcesAReloadCheckWithoutWaitingForTheDebounce() throws {
            let session = try WatchSession.watching(["--debounce", "1h"])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            session.agent.send(SIGHUP)
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
        }

        @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")])
        func stopSignalExitsZero(signal: Int32, name: String) throws {
            let session = try WatchSession.watching()
            session.agent.send(signal)
            #expect(session.agent.waitForExit() == 0, "\(session.agent.errorOutput)")
            #expect(session.agent.lines.contains { $0.hasPrefix("terwatch: stopping cause=\(name)") }, "\(session.agent.errorOutput)")
        }

        @Test func sigtermEndsAHookUnderWayAndLeavesNothingBehind() throws {
            let sandbox = try Sandbox()
            let started = try EventFIFO(sandbox.path("started.fifo"))
            let session = try WatchSession.watching(
                ["--exec", #"echo started > "$STARTED"; exec sleep 60"#], environment: ["STARTED": started.path])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            #expect(started.nextLine() == "started")
            session.agent.send(SIGTERM)
            #expect(session.agent.waitForExit() == 0, "\(session.agent.errorOutput)")
            #expect(AgentProcess.sessionMembers(session.agent.pid).isEmpty, "the hook outlived terwatch")
        }

        @Test func secretsAppearOnlyAsFingerprints() throws {
            let old = "hunter2-old-secret"
            let new = "correct-horse-battery"
            let session = try WatchSession.watching(
                files: [".env": "HOST=db\nDB_PASSWORD=\(old)\n"],
                ["-v", "--validate", #"[ "$HOST" != bad ] || { echo "cannot reach $HOST as $DB_PASSWORD"; exit 1; }"#])
            try session.sh("printf 'HOST=db\\nDB_PASSWORD=\(new)\\n' > .env")
            let event = try session.nextEvent()
            #expect(event.rotated == ["DB_PASSWORD"])
            #expect(event.values == [:])
            #expect(event.fingerprints?["DB_PASSWORD"]?.hasPrefix("hmac-sha256:") == true)
            #expect(event.previous_fingerprints?["DB_PASSWORD"]?.hasPrefix("hmac-sha256:") == true)
            #expect(event.fingerprints?["DB_PASSWORD"] != event.previous_fingerprints?["DB_PASSWORD"])
            try session.sh("printf 'HOST=bad\\nDB_PASSWORD=\(new)\\n' > .env")
            let rejected = try session.logLine("terwatch: error: rejected ")
            #expect(rejected.contains("cannot reach bad as "), "\(rejected)")
            try session.sh("printf 'HOST=db2\\nDB_PASSWORD=\(new)\\n' > .env")
            #expect(try session.nextEvent() == .reload(3, changed: ["HOST"], values: ["HOST": "db2"]))
            session.stop()
            for secret in [old, new] {
                #expect(!event.line.contains(secret))
                #expect(!session.agent.errorOutput.contains(secret), "\(session.agent.errorOutput)")
            }
        }

        @Test func allowMissingPicksUpASourceThatAppearsAndDropsOneThatGoes() throws {
            let session = try WatchSession.watching(files: [:], ["-f", "conf/app.env", "--allow-missing"])
            try session.logLine("terwatch: watching sources=1 generation=1 keys=0")
            try session.sh("mkdir conf && printf 'A=1\\n' > conf/app.env")
            #expect(try session.nextEvent() == .reload(2, added: ["A"], values: ["A": "1"]))
            try session.sh("rm conf/app.env")
            #expect(try session.nextEvent() == .reload(3, removed: ["A"]))
        }

        @Test func directorySourcePicksUpNewFilesAndSubdirectories() throws {
            let session = try WatchSession.watching(files: ["conf.d/base.env": "A=1\n"], ["-f", "conf.d"])
            try session.sh("printf 'B=2\\n' > conf.d/extra.env")
            #expect(try session.nextEvent() == .reload(2, added: ["B"], values: ["B": "2"]))
            try session.sh("mkdir conf.d/sub && printf 'C=3\\n' > conf.d/sub/more.env")
            #expect(try session.nextEvent() == .reload(3, added: ["C"], values: ["C": "3"]))
            try session.sh("printf 'ignored\\n' > conf.d/notes.txt && printf 'A=4\\n' > conf.d/base.env")
            #expect(try session.nextEvent() == .reload(4, changed: ["A"], values: ["A": "4"]))
        }

        @Test func jsonLogLinesAreOneObjectEach() throws {
            let session = try WatchSession(files: [".env": "A=1\n"], ["--log-format", "json"])
            let ready = try session.logLine(#""event":"watching""#)
            try session.sh("printf 'A=2\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            let reload = try session.logLine(#""event":"reload""#)
            session.stop()
            for line in session.agent.lines {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
            }
            #expect(ready.hasPrefix(#"{"time":""#), "\(ready)")
            #expect(ready.hasSuffix(#","level":"info","event":"watching","sources":1,"generation":1,"keys":1}"#), "\(ready)")
            #expect(reload.contains(#""level":"info","event":"reload","generation":2,"changed":["A"],"duration":"#), "\(reload)")
        }

        @Test func debounceZeroStillGivesOneEventPerSave() throws {
            let session = try WatchSession.watching(["--debounce", "0"])
            try session.sh("printf 'A=2\\nB=x\\n' > .env.tmp && mv .env.tmp .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            // Truncate and write with nothing else happening in the directory: only the close triggers a load.
            try session.sh("printf 'A=3\\nB=x\\n' > .env")
            #expect(try session.nextEvent() == .reload(3, changed: ["A"], values: ["A": "3"]))
            try session.expectNextIsRealChange(generation: 4)
        }

        @Test func unusableFIFOExitsOne() throws {
            let sandbox = try Sandbox()
            try sandbox.write(".env", "A=1\n")
            try sandbox.write("events", "not a fifo\n")
            let result = try sandbox.terwatch("watch", "--fifo", "events")
            #expect(result == ProcessResult(
                stdout: "", stderr: "terwatch: error: fifo-failed error=\"'events' is a regular file, not a FIFO\"\n", status: 1))
        }
    }
}
