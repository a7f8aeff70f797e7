import Testing

/// `check`, `print` and `diff` with canary secrets of every kind: no canary in their output unless `--show-secrets`.
@Suite struct SecretLeakCommandTests {
    private let old = SecretLeakFixture(version: "old")
    private let new = SecretLeakFixture(version: "new")

    /// A sandbox with the old fixture in place, the unreadable secrets-directory entries, and `new.env`, `malformed.env`.
    private func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try old.write(to: sandbox)
        try SecretLeakFixture.writeUnreadable(to: sandbox)
        try sandbox.write("new.env", new.env(logLevel: "debug"))
        try sandbox.write("malformed.env", SecretLeakFixture.malformedEnv)
        return sandbox
    }

    @Test func checkVerboseNamesEverySecretAndNoValue() throws {
        let sandbox = try sandbox()
        let result = try sandbox.terwatch(["check", "-v"] + SecretLeakFixture.arguments)
        SecretLeakFixture.expectNone(of: SecretLeakFixture.allCanaries, in: result.stdout + result.stderr, "check -v")
        #expect(result.status == 0, "\(result)")
        for key in SecretLeakFixture.secretKeys {
            #expect(result.stderr.contains("terwatch: secret \(key) ("), "\(result)")
        }
        #expect(result.stderr.contains("secrets/bad name:1:1: warning: file name 'bad name' is not a valid key; skipped"))
        #expect(result.stderr.contains("secrets/nul_value:1:1: warning: value of 'nul_value' holds a NUL byte"))
    }

    @Test func diagnosticsOfAMalformedSecretLineQuoteNoValue() throws {
        let result = try sandbox().terwatch(["check", "-v", "malformed.env"])
        SecretLeakFixture.expectNone(of: SecretLeakFixture.allCanaries, in: result.stdout + result.stderr, "check")
        #expect(result.status == 1)
        #expect(result.stderr.contains("malformed.env:2:4: error: unexpected 'P' after key 'DB'; expected '='\n"), "\(result)")
        #expect(result.stderr.contains("malformed.env:3:49: error: unexpected 't' after the closing quote of 'DB_PASSWORD'\n"))
    }

    @Test(arguments: [["--format", "env"], ["--format", "json"], ["--format", "shell"], ["-v"]])
    func printShowsNoSecret(format: [String]) throws {
        let sandbox = try sandbox()
        let result = try sandbox.terwatch(["print"] + SecretLeakFixture.arguments + format)
        SecretLeakFixture.expectNone(of: SecretLeakFixture.allCanaries, in: result.stdout + result.stderr, "print")
        #expect(result.status == 0)
        #expect(result.stdout.contains("LOG_LEVEL") && result.stdout.contains("info") && result.stdout.contains("<redacted>"))
        let shown = try sandbox.terwatch(["print", "--show-secrets"] + SecretLeakFixture.arguments + format)
        for canary in old.canaries {
            #expect(shown.stdout.contains(canary), "--show-secrets prints '\(canary)':\n\(shown)")
        }
    }

    @Test(arguments: [["--format", "text"], ["--format", "json"], ["-v"]])
    func diffShowsNoSecret(format: [String]) throws {
        let sandbox = try sandbox()
        let result = try sandbox.terwatch(["diff", ".env", "new.env"] + format)
        SecretLeakFixture.expectNone(of: SecretLeakFixture.allCanaries, in: result.stdout + result.stderr, "diff")
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""debug""#) && result.stdout.contains("DB_PASSWORD"), "\(result)")
        let shown = try sandbox.terwatch(["diff", ".env", "new.env", "--show-secrets"] + format)
        #expect(shown.stdout.contains(old.password) && shown.stdout.contains(new.password), "\(shown)")
    }
}

extension Sandbox {
    /// Runs `terwatch arguments…` here, the arguments given as an array.
    func terwatch(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(Self.terwatch, arguments, in: directory, environment: Self.baseEnvironment)
    }
}
