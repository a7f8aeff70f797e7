import Foundation
import Testing
@testable import TerwatchCore

extension ProcessTests {
    /// The validator chain on real hooks; with the process tests, since hooks open descriptors and threads.
    @Suite struct ValidatorChainTests {
        private let fingerprinter = Fingerprinter(key: Array(0..<32))

        /// Loads `text` as `.env` in `directory` and returns the load and its proposed event.
        private func candidate(_ text: String, in directory: TemporaryDirectory) throws -> (LoadedEnvironment, AgentEvent) {
            let path = try directory.write(".env", text)
            let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [path]))).load(environment: .empty)
            var pipeline = ReloadPipeline()
            let snapshot = Snapshot(loaded, secrets: try SecretPolicy())
            guard case .validate(let request)? = pipeline.handle(.loaded(.snapshot(snapshot), at: Timestamp(seconds: 0))).first else {
                throw CancellationError()
            }
            return (loaded, AgentEvent(proposed: request, fingerprinter: fingerprinter))
        }

        private func chain(required: [String] = [], hooks: [String], timeout: Duration = .seconds(30)) -> ValidatorChain {
            ValidatorChain(
                required: RequiredKeys(required), hooks: hooks, runner: HookRunner(timeout: timeout, gracePeriod: .milliseconds(200)),
                inherited: [("PATH", "/usr/bin:/bin"), ("PORT", "1")])
        }

        @Test func passesWhenEveryHookSucceeds() async throws {
            let directory = try TemporaryDirectory()
            let (loaded, proposed) = try candidate("PORT=8080\n", in: directory)
            let verdict = await chain(required: ["PORT"], hooks: ["true", "test \"$PORT\" = 8080"]).validate(loaded: loaded, proposed: proposed)
            #expect(verdict == .passed)
        }

        @Test func rejectsAMissingRequiredKeyBeforeAnyHookRuns() async throws {
            let directory = try TemporaryDirectory()
            let (loaded, proposed) = try candidate("PORT=\nHOST=h\n", in: directory)
            let marker = directory("ran")
            let verdict = await chain(required: ["PORT", "USER"], hooks: ["touch '\(marker)'"]).validate(loaded: loaded, proposed: proposed)
            guard case .failed(let reason, let diagnostics) = verdict else {
                Issue.record("expected a failure")
                return
            }
            #expect(reason == "required key 'PORT' is empty; required key 'USER' is not set")
            #expect(diagnostics.map(\.description) == ["\(directory(".env")):1:1: error: required key 'PORT' is empty"])
            #expect(!FileManager.default.fileExists(atPath: marker))
        }

        @Test func stopsAtTheFirstFailingHookWithItsOutput() async throws {
            let directory = try TemporaryDirectory()
            let (loaded, proposed) = try candidate("PORT=abc\n", in: directory)
            let marker = directory("ran")
            let check = "case \"$PORT\" in *[!0-9]*) echo \"PORT must be a number, not '$PORT'\" >&2; exit 3;; esac"
            let verdict = await chain(hooks: [check, "touch '\(marker)'"]).validate(loaded: loaded, proposed: proposed)
            #expect(verdict == .failed(
                reason: "validation hook '\(check)' exited with status 3: PORT must be a number, not 'abc'", diagnostics: []))
            #expect(!FileManager.default.fileExists(atPath: marker))
        }

        @Test func givesHooksTheCandidateEnvironmentAndTheProposedEvent() async throws {
            let directory = try TemporaryDirectory()
            let (loaded, proposed) = try candidate("PORT=8080\nHOST=h\n", in: directory)
            let out = directory("seen")
            let hook = "{ env | grep -E '^(PORT|HOST|PATH|TERWATCH_[A-Z]+)=' | sort; cat; } > '\(out)'"
            #expect(await chain(hooks: [hook]).validate(loaded: loaded, proposed: proposed) == .passed)
            #expect(try String(contentsOfFile: out, encoding: .utf8) == """
                HOST=h
                PATH=/usr/bin:/bin
                PORT=8080
                TERWATCH_CHANGED=PORT,HOST
                TERWATCH_EVENT=reload
                TERWATCH_GENERATION=1
                \(proposed.line)

                """)
        }

        @Test func rejectsAHookThatTimesOut() async throws {
            let directory = try TemporaryDirectory()
            let (loaded, proposed) = try candidate("A=1\n", in: directory)
            let verdict = await chain(hooks: ["echo waiting; exec sleep 30"], timeout: .milliseconds(300))
                .validate(loaded: loaded, proposed: proposed)
            #expect(verdict == .failed(reason: "validation hook 'echo waiting; exec sleep 30' timed out after 300ms: waiting", diagnostics: []))
        }
    }
}
