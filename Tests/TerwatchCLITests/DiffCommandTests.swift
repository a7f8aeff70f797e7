import Testing

/// `terwatch diff OLD NEW`: exact text and JSON reports, secrets, exit statuses.
@Suite struct DiffCommandTests {
    private func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("old.env", """
            HOST=localhost
            LOG_LEVEL=info
            OLD_KEY=gone
            DB_PASSWORD=old-pass
            API_TOKEN=t1
            NOTE="two\\nlines"

            """)
        try sandbox.write("new.env", """
            LOG_LEVEL=debug
            HOST=localhost
            DB_PASSWORD=new-pass
            NEW_FLAG=on
            API_TOKEN=t1
            STRIPE_API_KEY=sk_live
            NOTE="two\\nlines "

            """)
        return sandbox
    }

    @Test func reportsKeysAndValuesAsText() throws {
        #expect(try sandbox().terwatch("diff", "old.env", "new.env") == ProcessResult(stdout: """
            + NEW_FLAG="on"
            + STRIPE_API_KEY=<redacted>
            - OLD_KEY="gone"
            ~ LOG_LEVEL="info" -> "debug"
            ~ DB_PASSWORD (secret changed)
            ~ NOTE="two\\nlines" -> "two\\nlines "
            = HOST
            = API_TOKEN
            2 added, 1 removed, 3 changed, 2 unchanged

            """, stderr: "", status: 0))
    }

    @Test func reportsOneJSONObject() throws {
        #expect(try sandbox().terwatch("diff", "old.env", "new.env", "--format", "json") == ProcessResult(
            stdout: #"{"counts":{"added":2,"removed":1,"changed":3,"unchanged":2},"#
                + #""added":{"NEW_FLAG":"on","STRIPE_API_KEY":"<redacted>"},"removed":{"OLD_KEY":"gone"},"#
                + #""changed":{"LOG_LEVEL":{"old":"info","new":"debug"},"#
                + #""DB_PASSWORD":{"old":"<redacted>","new":"<redacted>"},"#
                + #""NOTE":{"old":"two\nlines","new":"two\nlines "}},"unchanged":["HOST","API_TOKEN"]}"# + "\n",
            stderr: "", status: 0))
    }

    @Test func showsSecretValuesWhenAsked() throws {
        let sandbox = try sandbox()
        let text = try sandbox.terwatch("diff", "old.env", "new.env", "--show-secrets")
        #expect(text.stdout.contains("+ STRIPE_API_KEY=\"sk_live\"\n"))
        #expect(text.stdout.contains("~ DB_PASSWORD=\"old-pass\" -> \"new-pass\"\n"))
        let json = try sandbox.terwatch("diff", "old.env", "new.env", "--show-secrets", "--format", "json")
        #expect(json.stdout.contains(#""DB_PASSWORD":{"old":"old-pass","new":"new-pass"}"#))
        let marked = try sandbox.terwatch("diff", "old.env", "new.env", "--secret", "LOG_LEVEL", "--secret-pattern", "^NEW_")
        #expect(marked.stdout.contains("~ LOG_LEVEL (secret changed)\n"))
        #expect(marked.stdout.contains("+ NEW_FLAG=<redacted>\n"))
    }

    @Test func reportsNoChangeBetweenEqualFiles() throws {
        #expect(try sandbox().terwatch("diff", "new.env", "new.env") == ProcessResult(stdout: """
            = LOG_LEVEL
            = HOST
            = DB_PASSWORD
            = NEW_FLAG
            = API_TOKEN
            = STRIPE_API_KEY
            = NOTE
            0 added, 0 removed, 0 changed, 7 unchanged

            """, stderr: "", status: 0))
    }

    @Test func resolvesEachSideOnItsOwn() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a.env", "HOST=a\nURL=http://${HOST}/\n")
        try sandbox.write("b.env", "URL=http://${HOST}/\n")
        #expect(try sandbox.terwatch("diff", "a.env", "b.env", environment: ["HOST": "env"]) == ProcessResult(
            stdout: "- HOST=\"a\"\n~ URL=\"http://a/\" -> \"http://env/\"\n0 added, 1 removed, 1 changed, 0 unchanged\n",
            stderr: "", status: 0))
        #expect(try sandbox.terwatch("diff", "a.env", "b.env", "--no-expand", environment: ["HOST": "env"])
            == ProcessResult(
                stdout: "- HOST=\"a\"\n= URL\n0 added, 1 removed, 0 changed, 1 unchanged\n", stderr: "", status: 0))
    }

    @Test func failsOnInvalidInputWithNothingOnStdout() throws {
        let sandbox = try sandbox()
        try sandbox.write("bad.env", "A=1\nB C\n")
        #expect(try sandbox.terwatch("diff", "old.env", "bad.env") == ProcessResult(
            stdout: "", stderr: "bad.env:2:3: error: unexpected 'C' after key 'B'; expected '='\n", status: 1))
    }
}
