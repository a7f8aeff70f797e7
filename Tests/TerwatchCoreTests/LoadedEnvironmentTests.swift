import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct LoadedEnvironmentTests {
    private func diagnostic(_ path: String, _ line: Int, _ column: Int, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, position: SourcePosition(line: line, column: column), message: message)
    }

    @Test func ordersDiagnosticsByFileThenPosition() {
        let files = [
            ParsedFile(path: "b.env", entries: [], diagnostics: [diagnostic("b.env", 3, 1, "b3")]),
            ParsedFile(path: "a.env", entries: [], diagnostics: [diagnostic("a.env", 2, 5, "a2")]),
        ]
        let resolution = Resolution(entries: [], diagnostics: [
            diagnostic("a.env", 1, 9, "a1"), diagnostic("b.env", 3, 1, "b3 again"),
            diagnostic("b.env", 1, 2, "b1"), diagnostic("", 1, 1, "elsewhere"),
        ])
        let loaded = LoadedEnvironment(files: files, resolution: resolution, inherited: .empty)
        #expect(loaded.diagnostics.map(\.message) == ["b1", "b3", "b3 again", "a1", "a2", "elsewhere"])
    }

    @Test func looksUpFilesFirstThenTheInheritedEnvironment() {
        let entry = ResolvedEntry(key: "A", value: "file", path: ".env", position: SourcePosition(line: 1, column: 1))
        let loaded = LoadedEnvironment(
            files: [],
            resolution: Resolution(entries: [entry], diagnostics: []),
            inherited: InheritedEnvironment(["A": "inherited", "B": "inherited"])
        )
        #expect(loaded.value(of: "A") == "file")
        #expect(loaded.value(of: "B") == "inherited")
        #expect(loaded.value(of: "C") == nil)
    }
}
