import Foundation
import Testing
@testable import TerwatchCore

extension ProcessTests {
    @Suite struct SpawnerTests {
        private func shell(_ command: String, environment: [String] = []) -> Spawner {
            Spawner(executable: "/bin/sh", arguments: ["-c", command], environment: environment)
        }

        @Test(arguments: [0, 3, 255] as [Int32])
        func passesExitStatusesThrough(status: Int32) async throws {
            let pid = try shell("exit \(status)").spawn()
            let ended = try await ProcessProbe.exitStatus(of: pid)
            #expect(ended == .exited(status))
            #expect(ended.code == status)
        }

        @Test func reportsDeathBySignal() async throws {
            let pid = try shell("kill -9 $$").spawn()
            let ended = try await ProcessProbe.exitStatus(of: pid)
            #expect(ended == .signaled(9))
            #expect(ended.code == 137)
            #expect(ended.description == "killed by signal 9")
        }

        @Test func reportsAMissingPath() throws {
            let root = try TemporaryDirectory()
            let spawner = Spawner(executable: root.path + "/missing", environment: [])
            #expect(throws: ProcessError.notFound(root.path + "/missing")) { try spawner.spawn() }
            let error = ProcessError.notFound(root.path + "/missing")
            #expect(error.description == "cannot run '\(root.path)/missing': not found")
            #expect(error.exitCode == 127)
        }

        @Test func reportsANameInNoDirectoryOfPath() throws {
            let root = try TemporaryDirectory()
            let spawner = Spawner(
                executable: "terwatch-no-such-command", environment: ["PATH=\(root.path):/nonexistent"])
            #expect(throws: ProcessError.notFound("terwatch-no-such-command")) { try spawner.spawn() }
        }

        @Test func reportsAFileThatIsNotExecutable() throws {
            let root = try TemporaryDirectory()
            let script = try root.write("plain/tool", "#!/bin/sh\nexit 0\n")
            #expect(chmod(script, 0o644) == 0)
            let byPath = Spawner(executable: script, environment: [])
            #expect(throws: ProcessError.notExecutable(script, code: EACCES)) { try byPath.spawn() }
            let byName = Spawner(executable: "tool", environment: ["PATH=/nonexistent:\(root.path)/plain"])
            #expect(throws: ProcessError.notExecutable(script, code: EACCES)) { try byName.spawn() }
            let error = ProcessError.notExecutable(script, code: EACCES)
            #expect(error.description == "cannot run '\(script)': permission denied")
            #expect(error.exitCode == 126)
        }

        @Test func reportsADirectoryAsNotExecutable() throws {
            let root = try TemporaryDirectory()
            #expect(throws: ProcessError.notExecutable(root.path, code: EISDIR)) {
                try Spawner(executable: root.path, environment: []).spawn()
            }
        }

        @Test func reportsAFileInNoExecutableFormatWithoutLeaking() async throws {
            let root = try TemporaryDirectory()
            let junk = try root.write("junk", "neither a script nor a binary\n")
            #expect(chmod(junk, 0o755) == 0)
            let descriptors = ProcessProbe.processLayerDescriptorCount()
            var spawner = Spawner(executable: junk, environment: [])
            let ends = try SystemCall.pipe()
            spawner.standardOutput = .descriptor(ends.write)
            #expect(throws: ProcessError.notExecutable(junk, code: ENOEXEC)) { try spawner.spawn() }
            close(ends.read)
            close(ends.write)
            #expect(ProcessError.notExecutable(junk, code: ENOEXEC).description == "cannot run '\(junk)': exec format error")
            // Other suites open and close pipes meanwhile: wait (bounded) for the count to come back down.
            #expect(await ProcessProbe.eventually { ProcessProbe.processLayerDescriptorCount() <= descriptors })
        }

        @Test func reportsAScriptWhoseInterpreterIsMissingAsNotExecutable() throws {
            let root = try TemporaryDirectory()
            let script = try root.write("script", "#!/nonexistent/interpreter\n")
            #expect(chmod(script, 0o755) == 0)
            #expect(throws: ProcessError.notExecutable(script, code: ENOENT)) {
                try Spawner(executable: script, environment: []).spawn()
            }
        }

        @Test func searchesPathInOrderSkippingWhatCannotRun() throws {
            let root = try TemporaryDirectory()
            let plain = try root.write("a/tool", "#!/bin/sh\n")
            #expect(chmod(plain, 0o644) == 0)
            let runnable = try root.write("b/tool", "#!/bin/sh\n")
            #expect(chmod(runnable, 0o755) == 0)
            try root.write("c/tool", "#!/bin/sh\n")
            let spawner = Spawner(
                executable: "tool", environment: ["PATH=\(root.path)/none:\(root.path)/a:\(root.path)/b:\(root.path)/c"])
            #expect(try spawner.resolvedExecutable() == runnable)
        }

        @Test func usesAnExplicitSearchPathOverTheEnvironments() throws {
            let spawner = Spawner(executable: "sh", environment: ["PATH=/nonexistent"], searchPath: "/bin")
            #expect(try spawner.resolvedExecutable() == "/bin/sh")
        }

        @Test func givesTheChildExactlyTheEnvironment() async throws {
            // No PATH in the environment: `env` is found in the default /bin:/usr/bin.
            let environment = ["B=two words", "A=1", "EMPTY=", "QUOTES='\"$(x)\"'"]
            let (status, output) = try await ProcessProbe.capture(Spawner(executable: "env", environment: environment))
            #expect(status == .exited(0))
            #expect(output == environment.map { $0 + "\n" }.joined())
        }

        @Test func passesArgumentsUnchanged() async throws {
            let arguments = ["a b", "$HOME", "'", "", "*"]
            let spawner = Spawner(executable: "/usr/bin/printf", arguments: ["[%s]\n"] + arguments, environment: [])
            let (status, output) = try await ProcessProbe.capture(spawner)
            #expect(status == .exited(0))
            #expect(output == "[a b]\n[$HOME]\n[']\n[]\n[*]\n")
        }

        @Test func closesEveryDescriptorAboveTwo() async throws {
            // A pipe without close-on-exec, as a careless library would leave it.
            var leaky: [Int32] = [-1, -1]
            #expect(pipe(&leaky) == 0)
            defer {
                close(leaky[0])
                close(leaky[1])
            }
            let spawner = shell("ls /proc/$$/fd; echo --; ls /proc/self/fd")
            let (status, output) = try await ProcessProbe.capture(spawner)
            #expect(status == .exited(0))
            // The shell holds 0, 1 and 2; `ls` also holds 3, the directory it is listing.
            #expect(output == "0\n1\n2\n--\n0\n1\n2\n3\n")
        }

        @Test func startsTheChildWithACleanSignalState() async throws {
            var usr1 = sigset_t()
            sigemptyset(&usr1)
            sigaddset(&usr1, SIGUSR1)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_BLOCK, &usr1, &previousMask)
            let previousHandler = signal(SIGUSR2, SIG_IGN)
            let spawner = Spawner(
                executable: "/bin/grep", arguments: ["-E", "^Sig(Blk|Ign):", "/proc/self/status"], environment: [])
            let ends = try SystemCall.pipe()
            var capturing = spawner
            capturing.standardOutput = .descriptor(ends.write)
            let spawned = Result { try capturing.spawn() }
            signal(SIGUSR2, previousHandler)
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            close(ends.write)
            let output = ProcessProbe.readToEnd(ends.read)
            close(ends.read)
            #expect(try await ProcessProbe.exitStatus(of: spawned.get()) == .exited(0))
            #expect(output == "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n")
        }

        @Test(arguments: [Spawner.Grouping.inherited, .processGroup, .session])
        func placesTheChildInTheChosenGroup(grouping: Spawner.Grouping) async throws {
            // Fields 5 and 6 of /proc/PID/stat (after the parenthesised name) are the group and session.
            var probe = shell("echo $$ $(cut -d')' -f2 /proc/$$/stat | cut -d' ' -f4,5)")
            probe.grouping = grouping
            let (status, line) = try await ProcessProbe.capture(probe)
            #expect(status == .exited(0))
            let fields = line.split(separator: "\n")[0].split(separator: " ").map { Int32($0) }
            try #require(fields.count == 3)
            let (pid, group, session) = (fields[0]!, fields[1]!, fields[2]!)
            #expect(group == (grouping == .inherited ? getpgrp() : pid))
            #expect(session == (grouping == .session ? pid : getsid(0)))
        }
    }
}
