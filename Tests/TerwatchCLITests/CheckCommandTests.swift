import Foundation
import Testing

/// `terwatch check`: diagnostics with exact positions, exit statuses, `--strict`, `--require`, limits.
@Suite struct CheckCommandTests {
    @Test func passesQuietlyOnStdoutWithASummaryOnStderr() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=1\nB=${A}2\n")
        #expect(try sandbox.terwatch("check") == ProcessResult(
            stdout: "", stderr: "terwatch: checked 1 file, 2 keys: 0 errors, 0 warnings\n", status: 0))
        #expect(try sandbox.terwatch("check", "-q") == ProcessResult(stdout: "", stderr: "", status: 0))
    }

    @Test func reportsEveryProblemWithItsLineAndColumn() throws {
        let sandbox = try Sandbox()
        try sandbox.write("app.env", """
            GOOD=1
            BAD KEY=2
              NAME: value
            A=$UNDEFINED_X
            GOOD=2
            K="héllo" x
            Q="unterminated

            """)
        #expect(try sandbox.terwatch("check", "app.env") == ProcessResult(stdout: "", stderr: """
            app.env:2:5: error: unexpected 'K' after key 'BAD'; expected '='
            app.env:3:7: error: 'NAME: …' is YAML syntax, not dotenv; write 'NAME=value'
            app.env:4:3: warning: undefined variable 'UNDEFINED_X' expands to empty
            app.env:5:1: warning: duplicate key 'GOOD' (first defined on line 1); the last definition wins
            app.env:6:11: error: unexpected 'x' after the closing quote of 'K'
            app.env:7:3: error: unterminated double-quoted value of 'Q'
            terwatch: checked 1 file, 2 keys: 4 errors, 2 warnings

            """, status: 1))
    }

    @Test func ordersDiagnosticsByFileAsLoadedThenPosition() throws {
        let sandbox = try Sandbox()
        try sandbox.write("b.env", "B=${A}\nX='open\n")
        try sandbox.write("a.env", "A=${B}\nY: 1\n")
        #expect(try sandbox.terwatch("check", "-q", "-f", "b.env", "a.env") == ProcessResult(stdout: "", stderr: """
            b.env:1:1: error: reference cycle: 'B' (line 1) → 'A' (a.env:1) → 'B'
            b.env:1:3: warning: 'A' is defined later (a.env:1); dotenv readers that expand line by line make it empty here
            b.env:2:3: error: unterminated single-quoted value of 'X'
            a.env:2:2: error: 'Y: …' is YAML syntax, not dotenv; write 'Y=value'

            """, status: 1))
    }

    @Test func failsOnWarningsWhenStrict() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=$UNSET\n")
        let warning = ".env:1:3: warning: undefined variable 'UNSET' expands to empty\n"
        #expect(try sandbox.terwatch("check") == ProcessResult(
            stdout: "", stderr: warning + "terwatch: checked 1 file, 1 key: 0 errors, 1 warning\n", status: 0))
        #expect(try sandbox.terwatch("check", "--strict") == ProcessResult(
            stdout: "",
            stderr: warning + "terwatch: checked 1 file, 1 key: 0 errors, 1 warning (--strict: warnings fail)\n",
            status: 1))
        #expect(try sandbox.terwatch("check", "--strict", "-q") == ProcessResult(stdout: "", stderr: warning, status: 1))
    }

    @Test func requiresKeysFromTheFilesOrTheInheritedEnvironment() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "API_URL=http://api\nTOKEN=\n")
        let check = { (environment: [String: String]) in
            try sandbox.terwatch(
                "check", "-q", "--require", "API_URL", "--require", "TOKEN", "--require", "REGION",
                environment: environment)
        }
        #expect(try check([:]) == ProcessResult(stdout: "", stderr: """
            .env:2:1: error: required key 'TOKEN' is empty
            terwatch: error: required key 'REGION' is not set

            """, status: 1))
        #expect(try check(["REGION": "eu"]) == ProcessResult(
            stdout: "", stderr: ".env:2:1: error: required key 'TOKEN' is empty\n", status: 1))
        try sandbox.write(".env", "API_URL=http://api\nTOKEN=t\n")
        try sandbox.setMode(".env", 0o600)
        #expect(try check(["REGION": "eu"]) == ProcessResult(stdout: "", stderr: "", status: 0))
        #expect(try sandbox.terwatch("check", "-q", "--pristine", "--require", "REGION", environment: ["REGION": "eu"])
            == ProcessResult(stdout: "", stderr: "terwatch: error: required key 'REGION' is not set\n", status: 1))
    }

    /// `count` lines `KEY_0000000=vvv…`, 100 bytes each.
    private static func keyLines(_ count: Int) -> String {
        var text = ""
        text.reserveCapacity(count * 100)
        for index in 0..<count {
            let number = String(index)
            text += "KEY_" + String(repeating: "0", count: 7 - number.count) + number + "=" + String(repeating: "v", count: 88) + "\n"
        }
        return text
    }

    @Test func refusesA20MegabyteFileByDefault() throws {
        let sandbox = try Sandbox()
        let text = Self.keyLines(20 * 1024 * 1024 / 100)
        try sandbox.write("big.env", text)
        #expect(try sandbox.terwatch("check", "-q", "big.env") == ProcessResult(
            stdout: "", stderr: "big.env:1:1: error: file is \(text.utf8.count) bytes, over the limit of 16777216 bytes\n", status: 1))
    }

    @Test func readsAFileOverALimitOnceTheLimitIsRaised() throws {
        // 1.5 MiB rather than 20: the same rule, at a cost a debug build on a loaded machine pays quickly.
        let sandbox = try Sandbox()
        let count = 15 * 1024 * 1024 / 1000
        let text = Self.keyLines(count)
        try sandbox.write("big.env", text)
        #expect(try sandbox.terwatch("check", "-q", "big.env", "--max-file-size", "1M") == ProcessResult(
            stdout: "", stderr: "big.env:1:1: error: file is \(text.utf8.count) bytes, over the limit of 1048576 bytes\n", status: 1))
        #expect(try sandbox.terwatch("check", "big.env", "--max-file-size", "2M")
            == ProcessResult(
                stdout: "", stderr: "terwatch: checked 1 file, \(count) keys: 0 errors, 0 warnings\n", status: 0))
    }

    @Test func appliesTheValueAndKeyLimits() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=" + String(repeating: "x", count: 2000) + "\nB=1\nC=2\n")
        #expect(try sandbox.terwatch("check", "-q", "--max-value-size", "1K") == ProcessResult(
            stdout: "", stderr: ".env:1:3: error: value of 'A' is 2000 bytes, over the limit of 1024 bytes\n", status: 1))
        #expect(try sandbox.terwatch("check", "-q", "--max-keys", "2") == ProcessResult(
            stdout: "", stderr: ".env:3:1: error: more than 2 definitions in one file\n", status: 1))
        #expect(try sandbox.terwatch("check", "-q", "--max-value-size", "2000", "--max-keys", "3") == ProcessResult(
            stdout: "", stderr: "", status: 0))
    }
}
