import Testing
import TerwatchEnv

@Suite struct EnvironmentDiffTests {
    private func entry(_ key: String, _ value: String, line: Int = 1, path: String = ".env") -> ResolvedEntry {
        ResolvedEntry(key: key, value: value, path: path, position: SourcePosition(line: line, column: 1))
    }

    @Test func sortsKeysIntoTheFourKinds() {
        let old = [entry("KEEP", "1"), entry("GONE", "x"), entry("EDIT", "a"), entry("ALSO_GONE", "y")]
        let new = [entry("EDIT", "b"), entry("NEW", "n"), entry("KEEP", "1"), entry("NEWER", "m")]
        let diff = EnvironmentDiff(old: old, new: new)
        #expect(diff.added.map(\.key) == ["NEW", "NEWER"])
        #expect(diff.removed.map(\.key) == ["GONE", "ALSO_GONE"])
        #expect(diff.changed.map(\.key) == ["EDIT"])
        #expect(diff.changed.map(\.old.value) == ["a"])
        #expect(diff.changed.map(\.new.value) == ["b"])
        #expect(diff.unchanged.map(\.key) == ["KEEP"])
        #expect(!diff.isEmpty)
    }

    @Test func comparesValuesNotOrigins() {
        let diff = EnvironmentDiff(old: [entry("A", "1", line: 1)], new: [entry("A", "1", line: 9, path: "b.env")])
        #expect(diff.isEmpty)
        #expect(diff.unchanged == [entry("A", "1", line: 9, path: "b.env")])
    }

    @Test func tellsEmptyFromMissing() {
        let diff = EnvironmentDiff(old: [entry("A", "")], new: [entry("B", "")])
        #expect(diff.added.map(\.key) == ["B"])
        #expect(diff.removed.map(\.key) == ["A"])
    }

    @Test func takesTheLastEntryOfARepeatedKeyAtItsFirstPlace() {
        let diff = EnvironmentDiff(
            old: [entry("A", "1"), entry("B", "1")],
            new: [entry("A", "1"), entry("B", "1"), entry("A", "2")]
        )
        #expect(diff.changed.map(\.key) == ["A"])
        #expect(diff.changed.map(\.new.value) == ["2"])
        #expect(diff.unchanged.map(\.key) == ["B"])
    }

    @Test func findsNothingBetweenEmptySets() {
        let diff = EnvironmentDiff(old: [], new: [])
        #expect(diff.isEmpty)
        #expect(diff.unchanged.isEmpty)
    }
}
