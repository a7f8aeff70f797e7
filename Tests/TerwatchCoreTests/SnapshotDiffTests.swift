import Testing
import TerwatchCore

@Suite struct SnapshotDiffTests {
    private typealias F = SnapshotFixtures

    @Test func listsAddedRemovedAndChangedKeysInTheDocumentedOrder() {
        let old = F.snapshot([("A", "1"), ("GONE", "x"), ("B", "2"), ("ALSO_GONE", "y"), ("C", "3")])
        let new = F.snapshot([("C", "30"), ("NEW", "n"), ("B", "2"), ("A", "10"), ("FRESH", "f")])
        let diff = SnapshotDiff(old: old, new: new)
        #expect(diff.added.map(\.key) == ["NEW", "FRESH"])
        #expect(diff.removed.map(\.key) == ["GONE", "ALSO_GONE"])
        #expect(diff.changed.map(\.key) == ["C", "A"])
        #expect(diff.changed.map(\.old.value) == ["3", "1"])
        #expect(diff.changed.map(\.new.value) == ["30", "10"])
        #expect(diff.rotated.isEmpty)
        #expect(!diff.isEmpty)
    }

    @Test func reportsAChangedSecretAsRotated() {
        let old = F.snapshot([("DB_PASSWORD", "old"), ("HOST", "a")])
        let new = F.snapshot([("DB_PASSWORD", "new"), ("HOST", "b")])
        let diff = SnapshotDiff(old: old, new: new)
        #expect(diff.rotated.map(\.key) == ["DB_PASSWORD"])
        #expect(diff.changed.map(\.key) == ["HOST"])
    }

    @Test func rotatesAKeyThatIsSecretOnEitherSide() {
        let old = Snapshot(entries: [F.entry("A", "1", secret: true), F.entry("B", "1", secret: false)], sources: [])
        let new = Snapshot(entries: [F.entry("A", "2", secret: false), F.entry("B", "2", secret: true)], sources: [])
        let diff = SnapshotDiff(old: old, new: new)
        #expect(diff.rotated.map(\.key) == ["A", "B"])
        #expect(diff.changed.isEmpty)
    }

    @Test func isEmptyWhenOnlyPlacesAndFilesChanged() {
        let old = F.snapshot([("A", "1"), ("B", "2")], source: "A=1\nB=2\n")
        let new = Snapshot(
            entries: [F.entry("B", "2", line: 3), F.entry("A", "1", line: 5)],
            sources: [SourceDigest(path: ".env", contents: Array("\n\nB=2\n\nA=1\n".utf8))]
        )
        let diff = SnapshotDiff(old: old, new: new)
        #expect(diff.isEmpty)
        #expect(diff.sources == [".env"])
        #expect(old.digest == new.digest)
    }

    @Test func listsChangedNewAndVanishedFiles() {
        let old = Snapshot(entries: [], sources: [
            SourceDigest(path: "same.env", contents: [1]), SourceDigest(path: "edited.env", contents: [1]),
            SourceDigest(path: "gone.env", contents: [1]),
        ])
        let new = Snapshot(entries: [], sources: [
            SourceDigest(path: "new.env", contents: [1]), SourceDigest(path: "same.env", contents: [1]),
            SourceDigest(path: "edited.env", contents: [2]),
        ])
        #expect(SnapshotDiff(old: old, new: new).sources == ["new.env", "edited.env", "gone.env"])
    }

    @Test func comparesWithTheEmptySnapshotAsAllAdded() {
        let new = F.snapshot([("A", "1"), ("DB_PASSWORD", "p")])
        let diff = SnapshotDiff(old: .empty, new: new)
        #expect(diff.added.map(\.key) == ["A", "DB_PASSWORD"])
        #expect(diff.sources == [".env"])
        #expect(SnapshotDiff(old: .empty, new: .empty).isEmpty)
    }
}
