import Testing

/// `print --format shell` output, evaluated by a real `/bin/sh`, gives back every value exactly and runs nothing.
@Suite struct ShellEvalTests {
    /// Each key with the dotenv line that defines it and the value it must have in sh.
    static let cases: [(key: String, line: String, value: String)] = [
        ("SQ", #"SQ="it's a 'quote'""#, "it's a 'quote'"),
        ("NL", #"NL="line1\nline2""#, "line1\nline2"),
        ("CR", #"CR="a\rb""#, "a\rb"),
        ("CRLF_END", #"CRLF_END="end\r\n""#, "end\r\n"),
        ("DOLLAR", #"DOLLAR='$HOME ${X} $(touch pwned) $$'"#, "$HOME ${X} $(touch pwned) $$"),
        ("BACKSLASH", #"BACKSLASH='back\slash\\ and \n'"#, #"back\slash\\ and \n"#),
        ("BACKTICK", #"BACKTICK="run \`touch pwned2\` now""#, "run `touch pwned2` now"),
        ("EMPTY", "EMPTY=", ""),
        ("UNICODE", "UNICODE=héllo ✓ 日本 😀", "héllo ✓ 日本 😀"),
        ("MIXED", #"MIXED="'\"\$\`\\ ;|&<>*?[ x""#, #"'"$`\ ;|&<>*?[ x"#),
        ("PADDED", "PADDED='  padded  '", "  padded  "),
        ("QUOTES_ONLY", #"QUOTES_ONLY="''""#, "''"),
        ("TRAILING_NL", #"TRAILING_NL="last\n\n""#, "last\n\n"),
    ]

    @Test func evalRestoresEveryValueExactly() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", Self.cases.map(\.line).joined(separator: "\n") + "\n")
        let dump = Self.cases.map { "\"$\($0.key)\"" }.joined(separator: " ")
        let result = try sandbox.shell("""
            set -eu
            eval "$("$TERWATCH" print --format shell --show-secrets)"
            printf '%s\\0' \(dump)
            """)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
            == Self.cases.map(\.value))
        #expect(!sandbox.exists("pwned"))
        #expect(!sandbox.exists("pwned2"))
    }

    @Test func sourcingAFileWorksToo() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", Self.cases.map(\.line).joined(separator: "\n") + "\n")
        let result = try sandbox.shell("""
            set -eu
            "$TERWATCH" print --format shell > env.sh
            . ./env.sh
            env | grep -c '^MIXED=' ; printf '%s' "$MIXED"
            """)
        #expect(result == ProcessResult(stdout: "1\n" + #"'"$`\ ;|&<>*?[ x"#, stderr: "", status: 0))
    }

    @Test func leavesOutKeysThatAreNotShellNames() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "server.port=8080\nA=1\n1ST=x\nmy-key=y\n")
        #expect(try sandbox.terwatch("print", "--format", "shell") == ProcessResult(
            stdout: "export A='1'\n",
            stderr: """
                terwatch: warning: key 'server.port' is not a shell variable name; left out
                terwatch: warning: key '1ST' is not a shell variable name; left out
                terwatch: warning: key 'my-key' is not a shell variable name; left out

                """,
            status: 0))
    }
}
