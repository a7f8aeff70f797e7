import Testing

/// `terwatch print`: exact output of each format, secrets, errors.
@Suite struct PrintCommandTests {
    static let sample = """
        # the sample
        HOST=localhost
        PORT=8080
        URL=http://${HOST}:${PORT}/api
        GREETING="hello world"
        MOTD=<<EOF
        line one
        line two
        EOF
        DB_PASSWORD=hunter2
        EMPTY=
        LONG=one \\
        two

        """

    private func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(".env", Self.sample)
        return sandbox
    }

    @Test func printsDotenvByDefault() throws {
        #expect(try sandbox().terwatch("print") == ProcessResult(stdout: """
            HOST=localhost
            PORT=8080
            URL=http://localhost:8080/api
            GREETING=hello world
            MOTD=<<'EOF'
            line one
            line two
            EOF
            DB_PASSWORD=<redacted>
            EMPTY=
            LONG=one two

            """, stderr: "", status: 0))
    }

    @Test func printsOneJSONObjectInSourceOrder() throws {
        #expect(try sandbox().terwatch("print", "--format", "json") == ProcessResult(
            stdout: #"{"HOST":"localhost","PORT":"8080","URL":"http://localhost:8080/api","GREETING":"hello world","#
                + #""MOTD":"line one\nline two","DB_PASSWORD":"<redacted>","EMPTY":"","LONG":"one two"}"# + "\n",
            stderr: "", status: 0))
    }

    @Test func printsExportLines() throws {
        #expect(try sandbox().terwatch("print", "--format", "shell", "--show-secrets") == ProcessResult(stdout: """
            export HOST='localhost'
            export PORT='8080'
            export URL='http://localhost:8080/api'
            export GREETING='hello world'
            export MOTD='line one
            line two'
            export DB_PASSWORD='hunter2'
            export EMPTY=''
            export LONG='one two'

            """, stderr: "", status: 0))
    }

    @Test func showsSecretsOnlyWhenAsked() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.terwatch("print", "--format", "json", "--show-secrets").stdout.contains(#""DB_PASSWORD":"hunter2""#))
        let marked = try sandbox.terwatch("print", "--secret", "HOST", "--secret-pattern", "^PO", "--format", "json")
        // URL holds HOST's value, so it is hidden too.
        #expect(marked.stdout.hasPrefix(#"{"HOST":"<redacted>","PORT":"<redacted>","URL":"<redacted>","GREETING":"hello world""#))
        #expect(marked.stdout.contains(#""DB_PASSWORD":"<redacted>""#))
        #expect(!marked.stdout.contains("hunter2"))
    }

    @Test func mergesFilesAndRoundTripsItsOwnEnvOutput() throws {
        let sandbox = try Sandbox()
        try sandbox.write("base.env", "HOST=db\nURL=postgres://${HOST}/app\nNOTE=\"it's\"\n")
        try sandbox.write("local.env", "HOST=localhost\nTEXT=\"a \\\"b\\\"\\n\\tc \\\\ $ \"\n")
        let merged = try sandbox.terwatch("print", "-f", "base.env", "local.env", "--format", "env")
        #expect(merged.status == 0)
        try sandbox.write("merged.env", merged.stdout)
        let original = try sandbox.terwatch("print", "-f", "base.env", "-f", "local.env", "--format", "json")
        #expect(original == ProcessResult(
            stdout: #"{"HOST":"localhost","URL":"postgres://localhost/app","NOTE":"it's","TEXT":"a \"b\"\n\tc \\ $ "}"# + "\n",
            stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "merged.env", "--format", "json") == original)
    }

    @Test func printsNothingOnStdoutWhenTheInputIsInvalid() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=1\nB='open\nC=$UNSET\n")
        #expect(try sandbox.terwatch("print") == ProcessResult(
            stdout: "", stderr: ".env:2:3: error: unterminated single-quoted value of 'B'\n", status: 1))
    }

    @Test func failsOnAMissingRequiredKey() throws {
        let result = try sandbox().terwatch("print", "--require", "HOST", "--require", "EMPTY", "--require", "API_URL")
        #expect(result == ProcessResult(stdout: "", stderr: """
            .env:11:1: error: required key 'EMPTY' is empty
            terwatch: error: required key 'API_URL' is not set

            """, status: 1))
    }

    @Test func showsWarningsOnlyWhenVerbose() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=$UNSET\n")
        #expect(try sandbox.terwatch("print") == ProcessResult(stdout: "A=\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "-v") == ProcessResult(stdout: "A=\n", stderr: """
            terwatch: read '.env'
            .env:1:3: warning: undefined variable 'UNSET' expands to empty

            """, status: 0))
    }
}
