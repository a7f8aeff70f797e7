import Testing
@testable import TerwatchCore

@Suite struct RedactorTests {
    /// Shows which text was found by its length, to tell the matches apart.
    let sized = { @Sendable (found: String) in "<\(found.utf8.count)>" }

    @Test(arguments: [
        ("password is hunter22.", "password is <redacted>."),
        ("hunter22", "<redacted>"),
        ("hunter22 and hunter22", "<redacted> and <redacted>"),
        ("xhunter22", "x<redacted>"),
        ("hunter22x", "<redacted>x"),
        ("hunter22hunter22", "<redacted><redacted>"),
        ("hunter2", "hunter2"),
        ("", ""),
    ])
    func replacesEveryOccurrenceAnywhere(text: String, expected: String) {
        #expect(Redactor(secrets: ["hunter22"]).redact(text) == expected)
    }

    @Test func valuesShorterThanFourBytesAreNotSearchedFor() {
        let redactor = Redactor(secrets: ["1", "on", "abc", ""])
        #expect(redactor.isEmpty)
        #expect(redactor.redact("1 on abc") == "1 on abc")
        #expect(Redactor(secrets: ["abcd"]).redact("xabcdx abc") == "x<redacted>x abc")
        #expect(Redactor(secrets: []).redact("anything") == "anything")
    }

    @Test func longestMatchWinsWhereValuesStartAlike() {
        let redactor = Redactor(secrets: ["secret", "secret123", "abcd", "abcd1234"], replacement: sized)
        #expect(redactor.redact("secret123 secret secret12") == "<9> <6> <6>12")
        #expect(redactor.redact("abcd1234 abcd abcd123") == "<8> <4> <4>123")
    }

    @Test func overlappingMatchesBecomeOneReplacement() {
        let redactor = Redactor(secrets: ["abcdef", "defghi", "ijkl", "bcdefghijkl"], replacement: sized)
        #expect(redactor.redact("xxabcdefxx") == "xx<6>xx")
        #expect(redactor.redact("xxabcdefghixx") == "xx<6>xx")
        #expect(redactor.redact("xxabcdefghijklxx") == "xx<6>xx")
        #expect(redactor.redact("xxdefghijklmn") == "xx<6>mn")
        #expect(Redactor(secrets: ["abcdef", "defghi"]).redact("abcdefghi") == "<redacted>")
    }

    @Test func multiLineValuesAreAlsoFoundLineByLine() {
        let key = """
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
              BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\t
            C6d=
            -----END PRIVATE KEY-----
            """
        #expect(Redactor.searchTerms(for: key) == [
            key, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
        ])
        let redactor = Redactor(secrets: [key])
        #expect(redactor.redact("TLS_KEY=\(key)\n") == "TLS_KEY=<redacted>\n")
        #expect(redactor.redact("hook: BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj: bad base64")
            == "hook: <redacted>: bad base64")
        #expect(redactor.redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nC6d=\n")
            == "-----BEGIN PRIVATE KEY-----\n<redacted>\nC6d=\n")
        let crlf = "first line of sixteen+\r\nsecond line of sixteen\r\n"
        #expect(Redactor.searchTerms(for: crlf) == [crlf, "first line of sixteen+", "second line of sixteen"])
    }

    @Test func nonASCIIValuesMatchByTheirBytes() {
        let redactor = Redactor(secrets: ["pässwörd-日本語", "éé", "é", "日本"])
        #expect(redactor.redact("x=pässwörd-日本語!") == "x=<redacted>!")
        #expect(redactor.redact("日本語 café éé") == "<redacted>語 café <redacted>")
        // Bytes, not canonical equivalence: a decomposed é is other bytes.
        #expect(Redactor(secrets: ["café1234"]).redact("cafe\u{301}1234 café1234") == "cafe\u{301}1234 <redacted>")
    }

    @Test func urlValuesAreFoundByTheirPassword() {
        let url = "postgres://app:s3cr3t-pw@db.internal:5432/app"
        #expect(Redactor.searchTerms(for: url) == ["s3cr3t-pw"])
        #expect(Redactor(secrets: [url]).redact("connecting to \(url) failed")
            == "connecting to postgres://app:<redacted>@db.internal:5432/app failed")
        let encoded = "redis://:p%40ss%2Fword@cache:6379/0"
        #expect(Redactor.searchTerms(for: encoded) == ["p%40ss%2Fword", "p@ss/word"])
        #expect(Redactor(secrets: [encoded]).redact("auth p@ss/word rejected for \(encoded)")
            == "auth <redacted> rejected for redis://:<redacted>@cache:6379/0")
    }

    @Test(arguments: [
        ("mysql://root:pw@localhost/db", ["mysql://root:pw@localhost/db"]),
        ("https://token1234@github.com/x", ["https://token1234@github.com/x"]),
        ("https://example.com/@user:xyz12", ["https://example.com/@user:xyz12"]),
        ("s3://u:pa@ss@host/x", ["pa@ss"]),
        ("https://u:@host", ["https://u:@host"]),
        ("not a url://u:pass1@host", ["not a url://u:pass1@host"]),
        ("x://u:bad%zzpass@h", ["bad%zzpass"]),
    ])
    func urlPasswordRules(value: String, terms: [String]) {
        #expect(Redactor.searchTerms(for: value) == terms)
    }

    @Test func piecesOfValuesTouchingACutMarkAreReplaced() {
        let redactor = Redactor(secrets: ["CANARY-9f3a1c7e5b2d", "postgres://app:s3cr3t-pw@db/app"], replacement: sized)
        // A value's end after the mark, a value's start before it; the longest piece wins.
        #expect(redactor.redact("…1c7e5b2d then more") == "…<19> then more")
        #expect(redactor.redact("pidfile holds CANARY-9f…") == "pidfile holds <19>…")
        #expect(redactor.redact("…3t-pw@db/app") == "…<9>@db/app")
        #expect(redactor.redact("…CANARY-9f3a1c7e5b2d!") == "…<19>!")
        // Pieces shorter than four bytes, and pieces away from a mark, stay.
        #expect(redactor.redact("…b2d then more") == "…b2d then more")
        #expect(redactor.redact("x 1c7e5b2d and CANARY-9f …") == "x 1c7e5b2d and CANARY-9f …")
        #expect(redactor.redact("…a piece 1c7e5b2d") == "…a piece 1c7e5b2d")
        // A piece next to a whole value is a replacement of its own, as two values side by side are.
        #expect(redactor.redact("…7e5b2dCANARY-9f3a1c7e5b2d.") == "…<19><19>.")
        #expect(Redactor(secrets: []).redact("…1c7e5b2d") == "…1c7e5b2d")
    }

    @Test func aPieceOfAMultiLineValueAfterACutIsReplacedToTheValuesEnd() {
        let key = """
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
            C6d=
            -----END PRIVATE KEY-----
            """
        #expect(Redactor(secrets: [key]).redact("…9w0BAQEFAASC\nC6d=\n-----END PRIVATE KEY-----\nexit 1")
            == "…<redacted>\nexit 1")
    }

    @Test func aThousandValuesInOneScan() {
        let secrets = (0..<1000).map { "token-\(String($0 + 1000).dropFirst())-abcdef" }
        let redactor = Redactor(secrets: secrets + secrets.map { $0 + "-previous" })
        var text = ""
        var expected = ""
        for line in 0..<10_000 {
            let secret = secrets[line * 7 % 1000]
            let suffix = line.isMultiple(of: 3) ? "-previous" : ""
            text += "line \(line) uses \(secret)\(suffix) and token-\(line) ok\n"
            expected += "line \(line) uses <redacted> and token-\(line) ok\n"
        }
        #expect(redactor.redact(text) == expected)
    }
}

@Suite struct RedactorSnapshotTests {
    @Test func takesTheSecretsOfSnapshots() {
        let old = SnapshotFixtures.snapshot([("DB_PASSWORD", "old-pw"), ("HOST", "db.internal")])
        let new = SnapshotFixtures.snapshot([("DB_PASSWORD", "new-pw")])
        #expect(Redactor(snapshots: old, nil, new).redact("old-pw new-pw db.internal") == "<redacted> <redacted> db.internal")
    }
}
