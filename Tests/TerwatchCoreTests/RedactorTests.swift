import Testing
import TerwatchCore

@Suite struct RedactorTests {
    @Test func replacesEveryOccurrenceOfEverySecret() {
        let redactor = Redactor(secrets: ["hunter2", "t0k"])
        #expect(redactor.redact("password hunter2 rejected; token t0k, again hunter2")
            == "password <redacted> rejected; token <redacted>, again <redacted>")
    }

    @Test func hidesTheLongestSecretWhole() {
        let redactor = Redactor(secrets: ["abc", "abcdef"])
        #expect(redactor.redact("xabcdefx abcx") == "x<redacted>x <redacted>x")
    }

    @Test func neverSearchesAPlaceholderAgain() {
        #expect(Redactor(secrets: ["d", "e"]).redact("dead") == "<redacted><redacted>a<redacted>")
    }

    @Test func matchesNonASCIISecretsAndIgnoresEmptyOnes() {
        let redactor = Redactor(secrets: ["", "pässwört"])
        #expect(redactor.redact("é pässwört é") == "é <redacted> é")
        #expect(Redactor(secrets: [""]).redact("text") == "text")
    }

    @Test func takesTheSecretsOfSnapshots() {
        let old = SnapshotFixtures.snapshot([("DB_PASSWORD", "old-pw"), ("HOST", "db")])
        let new = SnapshotFixtures.snapshot([("DB_PASSWORD", "new-pw")])
        #expect(Redactor(snapshots: old, nil, new).redact("old-pw new-pw db") == "<redacted> <redacted> db")
    }
}
