import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct RequiredKeysTests {
    private let loaded = LoadedEnvironment(
        files: [],
        resolution: Resolution(entries: [
            ResolvedEntry(key: "SET", value: "x", path: ".env", position: SourcePosition(line: 1, column: 1)),
            ResolvedEntry(key: "BLANK", value: "", path: "conf/a.env", position: SourcePosition(line: 4, column: 8)),
        ], diagnostics: []),
        inherited: InheritedEnvironment(["HOME": "/root", "EMPTY": ""])
    )

    @Test func acceptsKeysSetInFilesOrInherited() {
        #expect(RequiredKeys(["SET", "HOME"]).problems(in: loaded).isEmpty)
    }

    @Test func reportsEachUnsetOrEmptyKeyInOrder() {
        #expect(RequiredKeys(["NOPE", "BLANK", "SET", "EMPTY"]).problems(in: loaded) == [
            "terwatch: error: required key 'NOPE' is not set",
            "conf/a.env:4:8: error: required key 'BLANK' is empty",
            "terwatch: error: required key 'EMPTY' is empty",
        ])
    }
}
