import Testing

/// `--secrets-dir`, `--resolve-file-refs` and secret classification as a user meets them: `print`, `check -v`, `diff`.
@Suite struct SecretSourceTests {
    private static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl"
    private static let githubToken = "ghp_0123456789abcdefghijABCDEFGHIJ012345"

    /// A sandbox with an env file of every value shape, a Kubernetes-style secrets volume and a `_FILE` target, all mode 0600.
    private func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(".env", """
            HOST=db
            DB_URL=postgres://app:${DB_PASSWORD}@${HOST}/app
            AWS_ID=AKIAIOSFODNN7EXAMPLE
            SESSION=\(Self.jwt)
            GH=\(Self.githubToken)
            API_PASSWORD=inline-pass
            CERT_FILE=run/tls.key

            """)
        try sandbox.write("secrets/..2026_11_21/DB_PASSWORD", "hunter2\n")
        try sandbox.write("secrets/..2026_11_21/region", "eu-west-1\n")
        try sandbox.write("run/tls.key", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")
        let links = try sandbox.shell("""
            cd secrets && ln -s ..2026_11_21 ..data && ln -s ..data/DB_PASSWORD DB_PASSWORD && ln -s ..data/region region
            """)
        #expect(links.status == 0, "\(links)")
        for path in [".env", "secrets/..2026_11_21/DB_PASSWORD", "secrets/..2026_11_21/region", "run/tls.key"] {
            try sandbox.setMode(path, 0o600)
        }
        return sandbox
    }

    @Test func printsEverySecretKindAsRedactedUnlessAsked() throws {
        let sandbox = try sandbox()
        let hidden = try sandbox.terwatch("print", "--secrets-dir", "secrets", "--resolve-file-refs", "--format", "json")
        #expect(hidden == ProcessResult(
            stdout: #"{"HOST":"db","DB_URL":"<redacted>","AWS_ID":"<redacted>","SESSION":"<redacted>","GH":"<redacted>","#
                + #""API_PASSWORD":"<redacted>","CERT_FILE":"run/tls.key","DB_PASSWORD":"<redacted>","region":"<redacted>","#
                + #""CERT":"<redacted>"}"# + "\n",
            stderr: "", status: 0))
        let shown = try sandbox.terwatch(
            "print", "--secrets-dir", "secrets", "--resolve-file-refs", "--format", "json", "--show-secrets")
        #expect(shown == ProcessResult(
            stdout: #"{"HOST":"db","DB_URL":"postgres://app:hunter2@db/app","AWS_ID":"AKIAIOSFODNN7EXAMPLE","#
                + #""SESSION":"\#(Self.jwt)","GH":"\#(Self.githubToken)","API_PASSWORD":"inline-pass","#
                + #""CERT_FILE":"run/tls.key","DB_PASSWORD":"hunter2","region":"eu-west-1","#
                + #""CERT":"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"}"# + "\n",
            stderr: "", status: 0))
    }

    @Test func checkVerboseNamesEverySecretAndWhyButNoValue() throws {
        let sandbox = try sandbox()
        let result = try sandbox.terwatch(
            "check", "-v", "--secrets-dir", "secrets", "--resolve-file-refs", "--secret", "HOST")
        #expect(result == ProcessResult(stdout: "", stderr: """
            terwatch: read '.env'
            terwatch: read 'secrets/DB_PASSWORD'
            terwatch: read 'secrets/region'
            terwatch: read 'run/tls.key'
            terwatch: secret HOST (marked by --secret)
            terwatch: secret DB_URL (password in URL)
            terwatch: secret AWS_ID (AWS access key id)
            terwatch: secret SESSION (JSON web token)
            terwatch: secret GH (GitHub token prefix 'ghp_')
            terwatch: secret API_PASSWORD (name matches the default secret pattern)
            terwatch: secret DB_PASSWORD (name matches the default secret pattern; from secrets directory 'secrets')
            terwatch: secret region (from secrets directory 'secrets')
            terwatch: secret CERT (from the file named by 'CERT_FILE'; PEM private key)
            terwatch: checked 4 files, 10 keys: 0 errors, 0 warnings

            """, status: 0))
        for value in ["hunter2", "inline-pass", "eu-west-1", "AKIAIOSFODNN7EXAMPLE", Self.jwt, Self.githubToken, "MIIB"] {
            #expect(!result.stderr.contains(value))
        }
        #expect(try sandbox.terwatch("check", "--secrets-dir", "secrets", "--resolve-file-refs") == ProcessResult(
            stdout: "", stderr: "terwatch: checked 4 files, 10 keys: 0 errors, 0 warnings\n", status: 0))
    }

    @Test func warnsAboutSecretFilesOthersCanReadAndNotAboutPrivateOnes() throws {
        let sandbox = try sandbox()
        try sandbox.setMode("secrets/..2026_11_21/DB_PASSWORD", 0o644)
        try sandbox.setMode(".env", 0o640)
        #expect(try sandbox.terwatch("check", "--secrets-dir", "secrets", "--strict") == ProcessResult(stdout: "", stderr: """
            .env:2:1: warning: file holding secret 'DB_URL' is readable by group or others (mode 0640)
            secrets/DB_PASSWORD:1:1: warning: file holding secret 'DB_PASSWORD' is readable by group or others (mode 0644)
            terwatch: checked 3 files, 9 keys: 0 errors, 2 warnings (--strict: warnings fail)

            """, status: 1))
        #expect(try sandbox.terwatch("print", "--secrets-dir", "secrets").stderr == "")
        #expect(try sandbox.terwatch("print", "-v", "--secrets-dir", "secrets").stderr.contains(
            "secrets/DB_PASSWORD:1:1: warning: file holding secret 'DB_PASSWORD' is readable by group or others (mode 0644)\n"))
    }

    @Test func warnsAboutFileNamesThatAreNotKeys() throws {
        let sandbox = try sandbox()
        try sandbox.write("secrets/bad name", "x\n")
        #expect(try sandbox.terwatch("check", "-q", "--secrets-dir", "secrets") == ProcessResult(
            stdout: "", stderr: "secrets/bad name:1:1: warning: file name 'bad name' is not a valid key; skipped\n", status: 0))
    }

    @Test func reportsAnUnreadableReferenceAsAnError() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "TLS_KEY_FILE=/nonexistent/tls\n")
        #expect(try sandbox.terwatch("check", "-q", "--resolve-file-refs") == ProcessResult(
            stdout: "",
            stderr: ".env:1:1: error: 'TLS_KEY_FILE': cannot open '/nonexistent/tls': no such file or directory\n",
            status: 1))
        // A reference secret by its own name hides its path like any secret value.
        try sandbox.write(".env", "DB_PASSWORD_FILE=/nonexistent/db\n")
        try sandbox.setMode(".env", 0o600)
        #expect(try sandbox.terwatch("check", "-q", "--resolve-file-refs") == ProcessResult(
            stdout: "",
            stderr: ".env:1:1: error: 'DB_PASSWORD_FILE': cannot open '<redacted>': no such file or directory\n",
            status: 1))
        #expect(try sandbox.terwatch("check", "-q", "--resolve-file-refs", "--allow-missing") == ProcessResult(
            stdout: "", stderr: "", status: 0))
    }

    @Test func diffHidesASecretRecognisedByItsValueOnEitherSide() throws {
        let sandbox = try Sandbox()
        try sandbox.write("old.env", "URL=http://db/app\n")
        try sandbox.write("new.env", "URL=http://app:pw@db/app\n")
        #expect(try sandbox.terwatch("diff", "old.env", "new.env") == ProcessResult(
            stdout: "~ URL (secret changed)\n0 added, 0 removed, 1 changed, 0 unchanged\n", stderr: "", status: 0))
    }

    @Test func refusesAMissingSecretsDirectory() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "A=1\n")
        #expect(try sandbox.terwatch("print", "--secrets-dir", "nope") == ProcessResult(
            stdout: "", stderr: "terwatch: error: cannot open 'nope': no such file or directory\n", status: 1))
    }
}
