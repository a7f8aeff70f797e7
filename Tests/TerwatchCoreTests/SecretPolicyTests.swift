import Testing
import TerwatchCore

@Suite struct SecretPolicyTests {
    @Test(arguments: [
        "DB_PASSWORD", "db_password", "MYSQL_PASSWD", "GPG_PASSPHRASE", "CLIENT_SECRET", "GITHUB_TOKEN",
        "STRIPE_API_KEY", "apikey", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "TLS_PRIVATE_KEY",
        "GOOGLE_APPLICATION_CREDENTIALS", "AUTH_KEY", "SESSION_KEY", "SigningKey", "SENTRY_DSN",
    ])
    func defaultPatternCoversCommonSecretNames(key: String) throws {
        #expect(try SecretPolicy().isSecret(key))
    }

    @Test(arguments: ["HOST", "PORT", "LOG_LEVEL", "DATABASE_HOST", "PWD", "KEYBOARD", "PATH"])
    func defaultPatternLeavesOtherNamesAlone(key: String) throws {
        #expect(try !SecretPolicy().isSecret(key))
    }

    @Test func namedKeysAreSecretExactly() throws {
        let policy = try SecretPolicy(keys: ["DB_URL"])
        #expect(policy.isSecret("DB_URL"))
        #expect(!policy.isSecret("db_url"))
        #expect(!policy.isSecret("DB_URL2"))
    }

    @Test func patternsAddToTheDefaultUnanchored() throws {
        let policy = try SecretPolicy(patterns: ["^INTERNAL_", "(?i)webhook"])
        #expect(policy.isSecret("INTERNAL_HOST"))
        #expect(!policy.isSecret("MY_INTERNAL_HOST"))
        #expect(policy.isSecret("SLACK_WEBHOOK_URL"))
        #expect(policy.isSecret("DB_PASSWORD"))
        #expect(!policy.isSecret("HOST"))
    }

    @Test func invalidPatternIsReportedWithThePattern() {
        #expect(throws: InvalidSecretPattern.self) { try SecretPolicy(patterns: ["a(b"]) }
        do {
            _ = try SecretPolicy(patterns: ["a(b"])
        } catch {
            #expect(error.pattern == "a(b")
            #expect(error.description.hasPrefix("invalid secret pattern 'a(b': "))
        }
    }

    @Test func remembersVerdictsWithoutMissingKeysAddedLater() throws {
        var policy = try SecretPolicy(patterns: ["^INTERNAL_"])
        for _ in 0..<2 {
            #expect(policy.isSecret("GITHUB_TOKEN"))
            #expect(policy.isSecret("INTERNAL_URL"))
            #expect(!policy.isSecret("HOST"))
        }
        policy.keys.insert("HOST")
        #expect(policy.isSecret("HOST"))
        for index in 0...SecretPolicy.rememberedKeys {
            #expect(policy.isSecret("KEY_\(index)") == false)
        }
        #expect(policy.isSecret("GITHUB_TOKEN"))
    }
}
