import Testing
@testable import TerwatchCore

/// The first look before the default pattern's regular expression never turns away a name the expression matches.
@Suite struct SecretPolicyMatchingTests {
    @Test(arguments: [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "accesskey", "access_key",
        "private", "credential", "authkey", "auth_key", "sessionkey", "session_key", "signingkey", "signing_key",
        "encryptionkey", "encryption_key", "masterkey", "master_key", "dsn",
    ])
    func letsEveryAlternativeOfTheDefaultPatternThrough(word: String) throws {
        for key in [word, word.uppercased(), "X_\(word)_Y"] {
            #expect(SecretPolicy.mayMatchDefaultPattern(key))
            #expect(try SecretPolicy().isSecret(key))
        }
    }

    @Test func turnsAwayNamesWithNoneOfTheWordsAndLeavesNonASCIIToTheExpression() {
        #expect(!SecretPolicy.mayMatchDefaultPattern("HOST"))
        #expect(!SecretPolicy.mayMatchDefaultPattern("PAS_SWORD"))
        #expect(SecretPolicy.mayMatchDefaultPattern("PAßWORD"))
    }
}
