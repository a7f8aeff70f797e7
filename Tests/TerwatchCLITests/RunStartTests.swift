import Foundation
import Testing

extension RunTests {
    /// Starting the child: its environment and terwatch's exit statuses.
    @Suite struct Start {
        private func run(_ arguments: [String], env: String = "G=file\n", environment: [String: String] = [:]) throws -> ProcessResult {
            let sandbox = try Sandbox()
            try sandbox.write(".env", env)
            try sandbox.write("plain", "#!/bin/sh\n")
            return try ProcessRunner.run(
                Sandbox.terwatch, ["-f", ".env"] + arguments, in: sandbox.directory,
                environment: Sandbox.baseEnvironment.merging(environment) { $1 })
        }

        private let show = ["--", "/bin/sh", "-c", #"echo "G=${G-unset} H=${H-unset} PATH=${PATH-unset}""#]

        @Test func filesOverrideInheritedVariables() throws {
            let result = try run(["-q"] + show, environment: ["G": "inherited", "H": "kept"])
            #expect(result == ProcessResult(stdout: "G=file H=kept PATH=/usr/bin:/bin\n", stderr: "", status: 0))
        }

        @Test func noOverrideLetsInheritedVariablesWin() throws {
            let result = try run(["-q", "--no-override"] + show, env: "G=file\nH=file\n", environment: ["G": "inherited"])
            #expect(result == ProcessResult(stdout: "G=inherited H=file PATH=/usr/bin:/bin\n", stderr: "", status: 0))
        }

        @Test func pristineGivesTheFilesAlone() throws {
            let result = try run(["-q", "--pristine", "--", "/usr/bin/env"], environment: ["H": "inherited"])
            #expect(result == ProcessResult(stdout: "G=file\n", stderr: "", status: 0))
        }

        @Test func argumentsAfterTheCommandGoToIt() throws {
            let result = try run(["-q", "/bin/echo", "--flag", "-f", "x"])
            #expect(result == ProcessResult(stdout: "--flag -f x\n", stderr: "", status: 0))
            let sandbox = try Sandbox()
            try sandbox.write(".env", "G=file\n")
            let explicit = try sandbox.terwatch("run", "-q", "--", "/bin/echo", "--", "y")
            #expect(explicit == ProcessResult(stdout: "-- y\n", stderr: "", status: 0))
        }

        @Test func exitStatusIsTheChilds() throws {
            #expect(try run(["-q", "--", "/bin/sh", "-c", "exit 7"]).status == 7)
            #expect(try run(["-q", "--", "/bin/sh", "-c", "kill -9 $$"]).status == 137)
        }

        @Test func commandNotFoundIs127AndNotExecutableIs126() throws {
            let missing = try run(["-q", "--", "./missing"])
            #expect(missing == ProcessResult(
                stdout: "", stderr: "terwatch: error: child event=\"cannot run './missing': not found\"\n", status: 127))
            let plain = try run(["-q", "--", "./plain"])
            #expect(plain.status == 126, "\(plain)")
            #expect(plain.stderr.contains("cannot run './plain'"), "\(plain)")
            let unknown = try run(["-q", "terwatch-no-such-command"])
            #expect(unknown.status == 127, "\(unknown)")
        }

        @Test func invalidFirstLoadStartsNothingAndExits1() throws {
            let result = try run(["--", "/bin/sh", "-c", "echo started"], env: "G='unterminated\n")
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.contains(".env:1:"), "\(result)")
        }

        @Test func missingCommandIsAUsageError() throws {
            #expect(try run([]).status == 2)
        }
    }
}
