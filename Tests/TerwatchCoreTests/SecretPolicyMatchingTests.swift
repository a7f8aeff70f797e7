import Testing
@testable import TerwatchCore

/// The default pattern matched without its regular expression gives the expression's answer.
@Suite struct SecretPolicyMatchingTests {
    @Test(arguments: [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "accesskey", "access_key",
        "private", "credential", "authkey", "auth_key", "sessionkey", "session_key", "signingkey", "signing_key",
        "encryptionkey", "encryption_key", "masterkey", "master_key", "dsn",
    ])
    func matchesEveryAlternativeOfTheDefaultPattern(word: String) throws {
        for key in [word, word.uppercased(), "X_\(word)_Y"] {
            #expect(SecretPolicy.asciiMatchesDefaultPattern(key) == true)
            #expect(try SecretPolicy().isSecret(key))
        }
    }

    @Test func agreesWithTheExpressionOnEveryNameOfUpToThreePieces() throws {
        let expression = try Regex(SecretPolicy.defaultPattern).ignoresCase()
        let pieces = ["PASS", "WORD", "wd", "PHRASE", "Secret", "TOK", "en", "API", "access", "AUTH", "SESSION", "signing",
                      "ENCRYPTION", "Master", "KEY", "key", "_", "PRIVATE", "credential", "DS", "N", "x", "Host", "9"]
        var names = pieces
        for first in pieces { for second in pieces { names.append(first + second) } }
        for first in pieces { for second in pieces { for third in pieces { names.append(first + second + third) } } }
        for name in names {
            #expect(SecretPolicy.asciiMatchesDefaultPattern(name) == (name.firstMatch(of: expression) != nil), "\(name)")
        }
    }

    @Test func leavesNamesThatAreNotASCIIToTheExpression() throws {
        #expect(SecretPolicy.asciiMatchesDefaultPattern("HOST") == false)
        #expect(SecretPolicy.asciiMatchesDefaultPattern("PAS_SWORD") == false)
        #expect(SecretPolicy.asciiMatchesDefaultPattern("PAßWORD") == nil)
        #expect(try SecretPolicy().isSecret("ПАРОЛЬ_TOKEN"))
        #expect(try !SecretPolicy().isSecret("ПАРОЛЬ"))
    }
}
