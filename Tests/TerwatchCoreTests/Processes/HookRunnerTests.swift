import Foundation
import Testing
@testable import TerwatchCore

extension ProcessTests {
    @Suite struct HookRunnerTests {
        private let runner = ProcessProbe.runner

        private func run(_ command: String, environment: [String] = [], input: [UInt8] = []) async throws -> HookResult {
            try await runner.run(command, environment: environment, input: input)
        }

        @Test(arguments: [(command: "exit 0", status: ExitStatus.exited(0)), ("exit 3", .exited(3)), ("exit 255", .exited(255)), ("kill -9 $$", .signaled(9))])
        func reportsHowTheHookEnded(command: String, status: ExitStatus) async throws {
            let result = try await run(command)
            #expect(result.status == status)
            #expect(!result.timedOut)
            #expect(result.succeeded == (status == .exited(0)))
        }

        @Test func reportsTheShellsStatusForAMissingCommand() async throws {
            let result = try await run("terwatch-no-such-command")
            #expect(result.status == .exited(127))
            #expect(result.output.text.hasSuffix("terwatch-no-such-command: not found\n"))
        }

        @Test func failsWithoutLeavingAnythingBehindWhenTheShellIsMissing() async throws {
            _ = try await run("true")
            let descriptors = ProcessProbe.processLayerDescriptorCount()
            var runner = runner
            runner.shell = "/nonexistent/sh"
            await #expect(throws: ProcessError.notFound("/nonexistent/sh")) {
                try await runner.run("true", environment: [], input: Array("{}".utf8))
            }
            #expect(await ProcessProbe.eventually { ProcessProbe.threads(named: "terwatch-pipes").isEmpty })
            // Other suites open and close pipes meanwhile: wait (bounded) for the count to come back down.
            #expect(await ProcessProbe.eventually { ProcessProbe.processLayerDescriptorCount() <= descriptors })
        }

        @Test func passesValuesOnlyThroughTheEnvironment() async throws {
            let value = "$(echo spliced) `id` \"q\" 'x' ;|& *"
            let result = try await run(#"printf '%s\n' "$VALUE""#, environment: ["VALUE=\(value)"])
            #expect(result.status == .exited(0))
            #expect(result.output.text == value + "\n")
        }

        @Test func deliversStdinIntact() async throws {
            let entries = (0..<6000).map { #""K\#($0)":"ünïcödé \"quoted\" \\ back slash""# }
            let json = Array(#"{"event":"reload","values":{\#(entries.joined(separator: ","))}}"#.utf8)
            #expect(json.count > 256 * 1024)
            var runner = runner
            runner.outputLimit = 1 << 20
            let result = try await runner.run("cat", environment: [], input: json)
            #expect(result.status == .exited(0))
            #expect(result.output.bytes == json)
            #expect(result.output.droppedByteCount == 0)
        }

        @Test func returnsWhenTheHookIgnoresItsInput() async throws {
            let input = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
            let ignoring = try await run("exit 0", input: input)
            #expect(ignoring.status == .exited(0))
            let partial = try await run("head -c 10", input: input)
            #expect(partial.status == .exited(0))
            #expect(partial.output.text == "xxxxxxxxxx")
        }

        @Test func doesNotWaitForAGrandchildHoldingThePipes() async throws {
            let input = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
            let result = try await run("sleep 1000 <&0 & echo $!", input: input)
            let grandchild = try #require(Int32(result.output.text.trimmingCharacters(in: .newlines)))
            kill(grandchild, SIGKILL)
            #expect(result.status == .exited(0))
            #expect(!result.timedOut)
            #expect(await ProcessProbe.eventually { ProcessProbe.isGone(grandchild) })
        }

        @Test func capturesStdoutAndStderrInTheOrderWritten() async throws {
            let result = try await run("echo one; echo two >&2; echo three; echo four >&2")
            #expect(result.output.text == "one\ntwo\nthree\nfour\n")
        }

        @Test func keepsTheTailOfLongOutput() async throws {
            var runner = runner
            runner.outputLimit = 1000
            let result = try await runner.run(
                #"head -c 5000 /dev/zero | tr '\0' a; printf END"#, environment: [], input: [])
            #expect(result.status == .exited(0))
            #expect(result.output.text == String(repeating: "a", count: 997) + "END")
            #expect(result.output.droppedByteCount == 4003)
        }

        @Test func terminatesAHookThatRunsOutOfTime() async throws {
            let runner = HookRunner(timeout: .milliseconds(300), gracePeriod: ProcessProbe.deadline)
            let result = try await runner.run("sleep 1000", environment: [], input: [])
            #expect(result.timedOut)
            #expect(result.status == .signaled(SIGTERM))
            #expect(!result.succeeded)
            // It ended at SIGTERM: the grace period before SIGKILL was not needed.
            #expect(result.duration >= .milliseconds(300))
            #expect(result.duration < ProcessProbe.deadline)
        }

        @Test func killsTheWholeGroupWhenTheHookIgnoresTerm() async throws {
            let runner = HookRunner(timeout: .seconds(1), gracePeriod: .milliseconds(500))
            // The first sleep dies of SIGTERM; the shell and the second sleep ignore it.
            let script = "echo $$; sleep 1000 & echo $!; trap '' TERM; sleep 1000 & echo $!; echo trapped; wait"
            let result = try await runner.run(script, environment: [], input: [])
            let lines = result.output.text.split(separator: "\n")
            try #require(lines.count == 4, "output: \(result.output.text)")
            let pids = lines.prefix(3).compactMap { pid_t($0) }
            try #require(pids.count == 3)
            defer { for pid in pids { kill(pid, SIGKILL) } }
            #expect(lines[3] == "trapped")
            #expect(result.timedOut)
            #expect(result.status == .signaled(SIGKILL))
            #expect(result.duration >= .milliseconds(1500))

            let (shell, grandchildren) = (pids[0], pids[1...])
            #expect(kill(shell, 0) == -1 && errno == ESRCH)
            for pid in grandchildren {
                #expect(await ProcessProbe.eventually { ProcessProbe.isGone(pid) }, "pid \(pid) outlived its hook")
            }
            #expect(await ProcessProbe.eventually { ProcessProbe.liveMembers(ofGroup: shell).isEmpty })
        }

        @Test func tearsTheGroupDownWhenCancelled() async throws {
            let root = try TemporaryDirectory()
            let fifo = root.path + "/ready"
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            try #require(reader >= 0)
            defer { close(reader) }
            let runner = HookRunner(timeout: ProcessProbe.deadline, gracePeriod: ProcessProbe.deadline)
            let run = Task {
                try await runner.run(
                    #"trap '' TERM; echo ready > "$READY"; exec sleep 1000"#, environment: ["READY=\(fifo)"], input: [])
            }
            #expect(ProcessProbe.readToEnd(reader) == "ready\n")
            run.cancel()
            let result = try await run.value
            #expect(result.timedOut)
            #expect(result.status == .signaled(SIGKILL))
            #expect(result.duration < ProcessProbe.deadline)
        }

        @Test func startsHooksWithOnlyTheStandardDescriptors() async throws {
            var leaky: [Int32] = [-1, -1]
            #expect(pipe(&leaky) == 0)
            defer {
                close(leaky[0])
                close(leaky[1])
            }
            let result = try await run("ls /proc/$$/fd; echo --; ls /proc/self/fd")
            #expect(result.status == .exited(0))
            #expect(result.output.text == "0\n1\n2\n--\n0\n1\n2\n3\n")
        }

        @Test func runsManyHooksWithoutLeaking() async throws {
            _ = try await run("/bin/true", input: Array("{}".utf8))
            let descriptors = ProcessProbe.processLayerDescriptorCount()
            var statuses: [ExitStatus] = []
            for _ in 0..<200 {
                statuses.append(try await run("/bin/true", input: Array("{}".utf8)).status)
            }
            #expect(statuses == Array(repeating: .exited(0), count: 200))
            #expect(await ProcessProbe.eventually { ProcessProbe.threads(named: "terwatch-pipes").isEmpty })
            // Other suites open and close pipes meanwhile: wait (bounded) for the count to come back down.
            #expect(await ProcessProbe.eventually { ProcessProbe.processLayerDescriptorCount() <= descriptors })
        }
    }
}
