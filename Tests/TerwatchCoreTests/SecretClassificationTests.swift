import Testing
import TerwatchCore
import TerwatchEnv

/// Which keys of a load are secret, and why: name, origin, value shape.
@Suite struct SecretClassificationTests {
    @Test func givesEveryReasonInOrderNameOriginShape() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", """
            HOST=db
            DB_URL=postgres://app:pw@db/app
            STRIPE=sk_live_0123456789abcdefghij
            INTERNAL_ID=7
            MY_TOKEN=AKIAIOSFODNN7EXAMPLE
            PLAIN=value

            """)
        try root.write("s/DB_PASSWORD", "hunter2\n")
        try root.write("s/CA", "-----BEGIN PRIVATE KEY-----\n")
        let target = try root.write("api", "k\n")
        try root.write("refs.env", "API_FILE=\(target)\n")
        let loaded = try Loader(options: LoadOptions(
            sources: SourceList(paths: [env, root("refs.env")]), secretsDirectories: [root("s")],
            resolvesFileReferences: true
        )).load(environment: .empty)
        let policy = try SecretPolicy(keys: ["INTERNAL_ID", "MY_TOKEN"], patterns: ["^INTERNAL_", "ID$"])
        let classification = policy.classify(loaded)
        #expect(classification.secrets.map(\.description) == [
            "secret DB_URL (password in URL)",
            "secret STRIPE (Stripe token prefix 'sk_live_')",
            "secret INTERNAL_ID (marked by --secret; name matches --secret-pattern '^INTERNAL_'; name matches --secret-pattern 'ID$')",
            "secret MY_TOKEN (marked by --secret; name matches the default secret pattern; AWS access key id)",
            "secret CA (from secrets directory '\(root("s"))'; PEM private key)",
            "secret DB_PASSWORD (name matches the default secret pattern; from secrets directory '\(root("s"))')",
            "secret API (from the file named by 'API_FILE')",
        ])
        #expect(!classification.isSecret("HOST") && !classification.isSecret("PLAIN") && !classification.isSecret("API_FILE"))
        #expect(classification.shown("pw", of: "DB_URL", showingSecrets: false) == "<redacted>")
        #expect(classification.shown("pw", of: "DB_URL", showingSecrets: true) == "pw")
        #expect(classification.shown("db", of: "HOST", showingSecrets: false) == "db")
        let snapshot = Snapshot(loaded, secrets: policy)
        #expect(snapshot.entries.filter(\.isSecret).map(\.key) == classification.secrets.map(\.key))
    }

    @Test func aValueHoldingASecretValueIsSecretToo() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", """
            API_TOKEN=tok-0123456789
            AUTH="Bearer ${API_TOKEN}"
            PIN=123
            SHORT=x123x
            HOST=db

            """)
        let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [env]))).load(environment: .empty)
        let classification = try SecretPolicy(keys: ["PIN"], patterns: []).classify(loaded)
        // A secret under 4 bytes (PIN) is not looked for in other values.
        #expect(classification.secrets.map(\.description) == [
            "secret API_TOKEN (name matches the default secret pattern)",
            "secret AUTH (holds the value of another secret)",
            "secret PIN (marked by --secret)",
        ])
    }

    @Test func namesOnlyTheNameReasonsOfAKey() throws {
        let policy = try SecretPolicy(keys: ["X"], patterns: ["X"])
        #expect(policy.nameReasons("X") == [.marked, .pattern("X")])
        #expect(policy.nameReasons("X_PASSWORD") == [.defaultPattern, .pattern("X")])
        #expect(policy.nameReasons("HOST") == [])
    }

    @Test func classifiesASecretFileOverriddenByALaterOneByTheWinner() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "")
        try root.write("s/KEY", "from-dir\n")
        let target = try root.write("k", "from-ref\n")
        try root.write("refs.env", "KEY_FILE=\(target)\n")
        let loaded = try Loader(options: LoadOptions(
            sources: SourceList(paths: [env, root("refs.env")]), secretsDirectories: [root("s")],
            resolvesFileReferences: true
        )).load(environment: .empty)
        #expect(try SecretPolicy().classify(loaded).secrets.map(\.description) == ["secret KEY (from the file named by 'KEY_FILE')"])
    }
}
