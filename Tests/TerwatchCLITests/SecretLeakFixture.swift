import Foundation
import Glibc
import Testing

/// Canary secret values of every kind of secret, in an `old` and a `new` version, and the sources that load them.
///
/// Each canary is long and unique, so finding it anywhere in terwatch's
/// output proves a leak. The configuration also holds a non-secret key,
/// `LOG_LEVEL`, whose value must show where values are shown.
struct SecretLeakFixture {
    /// `old` or `new`.
    let version: String

    /// `DB_PASSWORD` in `.env`: secret by its name.
    var password: String { "CANARY-\(version)-9f3a1c7e5b2d4f6a8c0e" }
    /// The password of `DATABASE_URL` in `.env`: secret by the value's shape (only the password is hidden).
    var urlPassword: String { "CANARY-\(version)-url-4b8d2f6a0c1e3a5b" }
    /// `GH_CI` in `.env`: secret by its token prefix.
    var token: String { "ghp_CANARY\(version)7d1e5a9c3b8f2e6d4a0c" }
    /// The body lines of `TLS_KEY`, a PEM private key in a heredoc of `.env`: secret by its shape.
    var pemLines: [String] {
        ["CANARY\(version)PEMfirstMIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "CANARY\(version)PEMsecondBKcwggSjAgEAAoIBAQC7VJTUt9Us8"]
    }
    /// `API_CRED`, the content of `vault/api_cred`, which `API_CRED_FILE` names: secret as a `NAME_FILE` target.
    var fileTarget: String { "CANARY-\(version)-file-2c6e0a4b8d1f3e5a" }
    /// `signing_secret`, a file of `secrets/`: secret as a secrets-directory entry.
    var directoryEntry: String { "CANARY-\(version)-dir-8e2a6c0f4b1d5c7e" }

    /// Every canary of this version.
    var canaries: [String] { [password, urlPassword, token, fileTarget, directoryEntry] + pemLines }

    /// The keys that hold a canary.
    static let secretKeys = ["DB_PASSWORD", "DATABASE_URL", "GH_CI", "TLS_KEY", "signing_secret", "API_CRED"]

    /// Canaries in malformed secret sources, which terwatch never reads as values: a file of `secrets/` whose name is
    /// not a key, one holding a NUL byte, and the malformed lines `malformedEnv` writes.
    static let unreadCanaries = [
        "CANARY-badname-5d9b3f7a1e0c2d4f", "CANARY-nul-0a2c4e6b8d1f3a5c",
        "CANARY-malformed-7c3e9a1f5b0d2e4a", "CANARY-malformed-1b5d9f3a7c0e2d6b",
    ]

    /// The options that load the fixture.
    static let arguments = ["--secrets-dir", "secrets", "--resolve-file-refs"]

    /// `.env` with `LOG_LEVEL` set to `logLevel`.
    func env(logLevel: String) -> String {
        """
        LOG_LEVEL=\(logLevel)
        DB_PASSWORD=\(password)
        DATABASE_URL=postgres://app:\(urlPassword)@db:5432/app
        GH_CI=\(token)
        API_CRED_FILE=vault/api_cred
        TLS_KEY=<<EOF
        -----BEGIN PRIVATE KEY-----
        \(pemLines.joined(separator: "\n"))
        -----END PRIVATE KEY-----
        EOF

        """
    }

    /// A `.env` whose secret lines have syntax errors: a blank in the key, and text after a closing quote.
    static let malformedEnv = """
        LOG_LEVEL=info
        DB PASSWORD=\(unreadCanaries[2])
        DB_PASSWORD='\(unreadCanaries[3])' trailing

        """

    /// Writes `.env` (with `logLevel`), `vault/api_cred` and `secrets/signing_secret` to `sandbox`, each by rename, the `.env` last.
    func write(to sandbox: Sandbox, logLevel: String = "info") throws {
        for (path, text) in [
            ("vault/api_cred", fileTarget + "\n"), ("secrets/signing_secret", directoryEntry + "\n"),
            (".env", env(logLevel: logLevel)),
        ] {
            try sandbox.write(path + ".tmp", text)
            try #require(rename(sandbox.path(path + ".tmp"), sandbox.path(path)) == 0, "cannot rename to \(path)")
        }
    }

    /// Writes the secrets-directory entries terwatch must skip unread: a name that is not a key, a value with a NUL byte.
    static func writeUnreadable(to sandbox: Sandbox) throws {
        try sandbox.write("secrets/bad name", unreadCanaries[0] + "\n")
        try sandbox.write("secrets/nul_value", unreadCanaries[1] + "\u{0}\n")
    }

    /// Records a failure for every canary of `canaries` found in `text`, which came from `origin`.
    static func expectNone(
        of canaries: [String], in text: String, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for canary in canaries {
            #expect(!text.contains(canary), "\(origin) leaks '\(canary)':\n\(text)", sourceLocation: sourceLocation)
        }
    }

    /// Every canary, old, new and unread.
    static var allCanaries: [String] {
        SecretLeakFixture(version: "old").canaries + SecretLeakFixture(version: "new").canaries + unreadCanaries
    }
}
