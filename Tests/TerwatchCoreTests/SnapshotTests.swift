import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct SnapshotTests {
    private typealias F = SnapshotFixtures

    @Test func keepsTheLastDefinitionOfAKeyAtItsFirstPlace() {
        let snapshot = Snapshot(
            entries: [F.entry("A", "1", line: 1), F.entry("B", "2", line: 2), F.entry("A", "3", line: 3)],
            sources: []
        )
        #expect(snapshot.entries.map(\.key) == ["A", "B"])
        #expect(snapshot["A"] == F.entry("A", "3", line: 3))
        #expect(snapshot["C"] == nil)
    }

    @Test func identifiesTheSetOfPairsWhateverTheirOrderOriginsOrSources() {
        let one = Snapshot(entries: [F.entry("A", "1"), F.entry("B", "2")], sources: [])
        let two = Snapshot(
            entries: [F.entry("B", "2", path: "b.env", line: 9), F.entry("A", "1", line: 4)],
            sources: [SourceDigest(path: "b.env", contents: [1])]
        )
        #expect(one.digest == two.digest)
        #expect(one.digest != F.snapshot([("A", "1"), ("B", "3")]).digest)
        #expect(one.digest != Snapshot.empty.digest)
    }

    @Test func framesKeysAndValuesSoNoTwoSetsCollide() {
        #expect(F.snapshot([("AB", "C")]).digest != F.snapshot([("A", "BC")]).digest)
        #expect(F.snapshot([("A", "")]).digest != Snapshot.empty.digest)
    }

    @Test func hashesTheContentAsDocumented() {
        var hasher = SHA256()
        for text in ["A", "1", "B", "22"] {
            hasher.update(bigEndian: UInt64(text.utf8.count))
            hasher.update(text.utf8)
        }
        #expect(F.snapshot([("B", "22"), ("A", "1")]).digest == hasher.finalize())
    }

    @Test func writesOriginsAsPathAndLine() {
        #expect(F.entry("A", "1", path: "conf/app.env", line: 12).origin.description == "conf/app.env:12")
    }

    @Test func listsSecretValuesInOrder() {
        let snapshot = F.snapshot([("DB_PASSWORD", "hunter2"), ("HOST", "db"), ("API_TOKEN", "t0k")])
        #expect(snapshot.secretValues == ["hunter2", "t0k"])
    }

    @Test func buildsFromALoadWithSecretsAndFileHashes() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write("a.env", "HOST=db\nDB_PASSWORD=hunter2\n")
        let second = try directory.write("b.env", "HOST=cache\nPORT=${HOST}:1\n")
        let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [first, second])))
            .load(environment: .empty)
        let snapshot = Snapshot(loaded, secrets: try SecretPolicy(keys: ["PORT"]))
        #expect(snapshot.entries == [
            F.entry("HOST", "cache", secret: false, path: second, line: 1),
            F.entry("DB_PASSWORD", "hunter2", secret: true, path: first, line: 2),
            F.entry("PORT", "cache:1", secret: true, path: second, line: 2),
        ])
        #expect(snapshot.sources == [
            SourceDigest(path: first, contents: Array("HOST=db\nDB_PASSWORD=hunter2\n".utf8)),
            SourceDigest(path: second, contents: Array("HOST=cache\nPORT=${HOST}:1\n".utf8)),
        ])
    }
}
