import Testing
import TerwatchCore

@Suite struct RetiredSecretsTests {
    private typealias F = SnapshotFixtures

    private func snapshot(password: String, token: String = "token-kept") -> Snapshot {
        F.snapshot([("DB_PASSWORD", password), ("API_TOKEN", token), ("HOST", "db.internal")])
    }

    @Test func retiresTheSecretValuesTheNewSnapshotDoesNotHold() {
        var retired = RetiredSecrets()
        retired.retire(snapshot(password: "first-pw"), keeping: snapshot(password: "second-pw"))
        #expect(retired.values == ["first-pw"])
        retired.retire(snapshot(password: "second-pw"), keeping: snapshot(password: "third-pw", token: "token-new"))
        #expect(retired.values == ["first-pw", "second-pw", "token-kept"])
        retired.retire(nil, keeping: snapshot(password: "x-pw"))
        #expect(retired.values == ["first-pw", "second-pw", "token-kept"])
    }

    @Test func aValueRetiredAgainBecomesTheNewestAndShortOnesAreNotKept() {
        var retired = RetiredSecrets()
        retired.retire(snapshot(password: "first-pw"), keeping: snapshot(password: "abc"))
        #expect(retired.values == ["first-pw"])
        retired.retire(snapshot(password: "abc", token: "token-two"), keeping: nil)
        #expect(retired.values == ["first-pw", "token-two"])
        retired.retire(snapshot(password: "first-pw", token: "token-two"), keeping: snapshot(password: "second-pw", token: "token-two"))
        #expect(retired.values == ["token-two", "first-pw"])
    }

    @Test func keepsTheNewestValuesUpToItsCapacity() {
        var retired = RetiredSecrets()
        for index in 0..<(RetiredSecrets.capacity + 10) {
            retired.retire(F.snapshot([("DB_PASSWORD", "password-\(index)")]), keeping: nil)
        }
        #expect(retired.values.count == RetiredSecrets.capacity)
        #expect(retired.values.first == "password-10")
        #expect(retired.values.last == "password-\(RetiredSecrets.capacity + 9)")
    }

    @Test func keepsTheNewestValuesUpToItsByteCapacity() {
        var retired = RetiredSecrets()
        let large = { (mark: Character) in String(repeating: mark, count: 1 << 20) }
        for mark in ["a", "b", "c", "d", "e"] as [Character] {
            retired.retire(F.snapshot([("DB_PASSWORD", large(mark))]), keeping: nil)
        }
        #expect(retired.values == ["b", "c", "d", "e"].map { large(Character($0)) })
    }

    @Test func aRedactorLooksForTheRetiredValuesToo() {
        var retired = RetiredSecrets()
        retired.retire(snapshot(password: "first-pw"), keeping: snapshot(password: "second-pw"))
        retired.retire(snapshot(password: "second-pw"), keeping: snapshot(password: "third-pw"))
        let redactor = Redactor(snapshots: snapshot(password: "fourth-pw"), snapshot(password: "third-pw"), retired: retired)
        #expect(redactor.redact("first-pw second-pw third-pw fourth-pw token-kept db.internal")
            == "<redacted> <redacted> <redacted> <redacted> <redacted> db.internal")
        #expect(Redactor(snapshots: snapshot(password: "fourth-pw")).redact("first-pw") == "first-pw")
    }
}
