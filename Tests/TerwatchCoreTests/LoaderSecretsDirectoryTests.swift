import Foundation
import Testing
import TerwatchCore
import TerwatchEnv

/// `--secrets-dir`: one key per file, in the Kubernetes, Docker and envdir layouts.
@Suite struct LoaderSecretsDirectoryTests {
    /// Loads `env` (an empty env file when nil) then `directories`.
    private func load(
        _ directories: [String], env: String? = nil, in root: TemporaryDirectory, allowMissing: Bool = false,
        limits: ParseLimits = .default
    ) throws -> LoadedEnvironment {
        let envFile = try env ?? root.write("empty.env")
        return try Loader(options: LoadOptions(
            sources: SourceList(paths: [envFile], allowMissing: allowMissing), limits: limits,
            secretsDirectories: directories
        )).load(environment: .empty)
    }

    private func pairs(_ loaded: LoadedEnvironment) -> [String] {
        loaded.resolution.entries.map { "\($0.key)=\($0.value)" }
    }

    @Test func readsTheKubernetesLayoutThroughItsSymbolicLinks() throws {
        let root = try TemporaryDirectory()
        try root.write("secrets/..2026_11_21_22_19_38.123456789/DB_PASSWORD", "hunter2\n")
        try root.write("secrets/..2026_11_21_22_19_38.123456789/API_TOKEN", "t0k3n")
        try root.link("secrets/..data", to: "..2026_11_21_22_19_38.123456789")
        try root.link("secrets/DB_PASSWORD", to: "..data/DB_PASSWORD")
        try root.link("secrets/API_TOKEN", to: "..data/API_TOKEN")
        let directory = root("secrets")
        let loaded = try load([directory], in: root)
        #expect(pairs(loaded) == ["API_TOKEN=t0k3n", "DB_PASSWORD=hunter2"])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.map(\.path) == [root("empty.env"), directory + "/API_TOKEN", directory + "/DB_PASSWORD"])
        #expect(loaded.secretSources == [
            SecretSource(path: directory + "/API_TOKEN", key: "API_TOKEN", origin: .directory(directory)),
            SecretSource(path: directory + "/DB_PASSWORD", key: "DB_PASSWORD", origin: .directory(directory)),
        ])
        #expect(loaded.sourceDigests == [
            SourceDigest(path: root("empty.env"), contents: []),
            SourceDigest(path: directory + "/API_TOKEN", contents: Array("t0k3n".utf8)),
            SourceDigest(path: directory + "/DB_PASSWORD", contents: Array("hunter2\n".utf8)),
        ])
    }

    @Test func seesTheNewValuesAfterAKubernetesSwapOfDotDotData() throws {
        let root = try TemporaryDirectory()
        try root.write("secrets/..old/DB_PASSWORD", "old-pass\n")
        try root.link("secrets/..data", to: "..old")
        try root.link("secrets/DB_PASSWORD", to: "..data/DB_PASSWORD")
        #expect(try pairs(load([root("secrets")], in: root)) == ["DB_PASSWORD=old-pass"])
        try root.write("secrets/..new/DB_PASSWORD", "new-pass\n")
        try root.link("secrets/..data_tmp", to: "..new")
        #expect(rename(root("secrets/..data_tmp"), root("secrets/..data")) == 0)
        #expect(try pairs(load([root("secrets")], in: root)) == ["DB_PASSWORD=new-pass"])
    }

    @Test func readsTheDockerLayoutOfPlainFiles() throws {
        let root = try TemporaryDirectory()
        try root.write("run/secrets/db_password", "s3cret\n")
        try root.write("run/secrets/api-key", "k-123")
        try root.write("run/secrets/tls.key", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")
        let loaded = try load([root("run/secrets")], in: root)
        #expect(pairs(loaded) == [
            "api-key=k-123", "db_password=s3cret",
            "tls.key=-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
        ])
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func readsTheEnvdirLayoutWholeFilesAndEmptyValues() throws {
        let root = try TemporaryDirectory()
        try root.write("env/EMPTY", "")
        try root.write("env/LINES", "one\ntwo\n")
        try root.write("env/PLAIN", "value")
        #expect(try pairs(load([root("env")], in: root)) == ["EMPTY=", "LINES=one\ntwo", "PLAIN=value"])
    }

    @Test(arguments: [
        ("v", "v"), ("v\n", "v"), ("v\n\n", "v\n"), ("v\r\n", "v\r"), ("\n", ""), ("", ""), (" v \n", " v "),
    ])
    func removesExactlyOneTrailingNewline(content: String, value: String) throws {
        let root = try TemporaryDirectory()
        try root.write("s/KEY", content)
        #expect(try load([root("s")], in: root).resolution.value(of: "KEY") == value)
    }

    @Test func takesValuesLiterallyWithoutExpansion() throws {
        let root = try TemporaryDirectory()
        try root.write("s/KEY", "a$HOME${X:-y}'\"\\n")
        #expect(try load([root("s")], in: root).resolution.value(of: "KEY") == "a$HOME${X:-y}'\"\\n")
    }

    @Test func skipsHiddenEntriesAndSubdirectoriesSilently() throws {
        let root = try TemporaryDirectory()
        try root.write("s/.hidden", "x")
        try root.write("s/..data/KEY", "x")
        try root.write("s/sub/KEY", "x")
        try root.write("s/KEY", "kept")
        let loaded = try load([root("s")], in: root)
        #expect(pairs(loaded) == ["KEY=kept"])
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func skipsNamesThatAreNotKeysAndWhatIsNotAFileWithAWarningNamingThem() throws {
        let root = try TemporaryDirectory()
        try root.write("s/bad name", "x")
        try root.write("s/-dash", "x")
        try root.write("s/K=V", "x")
        try root.write("s/GOOD", "g")
        try root.link("s/BROKEN", to: "nowhere")
        #expect(mkfifo(root("s/PIPE"), 0o600) == 0)
        let loaded = try load([root("s")], in: root)
        #expect(pairs(loaded) == ["GOOD=g"])
        #expect(loaded.files.map(\.path) == [root("empty.env"), root("s/GOOD")])
        #expect(loaded.diagnostics.map(\.description) == [
            root("s/-dash") + ":1:1: warning: file name '-dash' is not a valid key; skipped",
            root("s/BROKEN") + ":1:1: warning: 'BROKEN' is a broken symbolic link; skipped",
            root("s/K=V") + ":1:1: warning: file name 'K=V' is not a valid key; skipped",
            root("s/PIPE") + ":1:1: warning: 'PIPE' is not a regular file; skipped",
            root("s/bad name") + ":1:1: warning: file name 'bad name' is not a valid key; skipped",
        ])
    }

    @Test func skipsContentThatCannotBeAnEnvironmentValueWithAWarning() throws {
        let root = try TemporaryDirectory()
        try Data([0x66, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: try root.write("s/BINARY")))
        try root.write("s/NUL", "a\u{0}b")
        let loaded = try load([root("s")], in: root)
        #expect(loaded.resolution.entries.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == [
            root("s/BINARY") + ":1:1: warning: value of 'BINARY' is not UTF-8 text; skipped",
            root("s/NUL") + ":1:1: warning: value of 'NUL' holds a NUL byte, which no environment variable can; skipped",
        ])
    }

    @Test func refusesAValueOverTheLimit() throws {
        let root = try TemporaryDirectory()
        try root.write("s/BIG", String(repeating: "x", count: 11) + "\n")
        var limits = ParseLimits.default
        limits.maxValueBytes = 10
        let loaded = try load([root("s")], in: root, limits: limits)
        #expect(loaded.resolution.entries.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == [
            root("s/BIG") + ":1:1: error: value of 'BIG' is 11 bytes, over the limit of 10 bytes",
        ])
    }

    @Test func layersDirectoriesAfterTheEnvFilesInOrder() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "DB_PASSWORD=from-env\nURL=postgres://app:${DB_PASSWORD}@db/app\nONLY=env\n")
        try root.write("first/DB_PASSWORD", "first\n")
        try root.write("first/A", "a1\n")
        try root.write("second/A", "a2\n")
        let loaded = try load([root("first"), root("second")], env: env, in: root)
        #expect(pairs(loaded) == ["DB_PASSWORD=first", "URL=postgres://app:first@db/app", "ONLY=env", "A=a2"])
        #expect(loaded.resolution.entries[0].path == root("first/DB_PASSWORD"))
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func lendsSecretValuesToForwardReferencesWithoutAWarning() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "URL=postgres://app:${DB_PASSWORD}@db/app\n")
        try root.write("s/DB_PASSWORD", "hunter2\n")
        let loaded = try load([root("s")], env: env, in: root)
        #expect(loaded.resolution.value(of: "URL") == "postgres://app:hunter2@db/app")
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func failsOnAMissingDirectoryUnlessMissingSourcesAreAllowed() throws {
        let root = try TemporaryDirectory()
        #expect(throws: SystemCallError(.open, path: root("nope"), code: ENOENT)) {
            try load([root("nope")], in: root)
        }
        #expect(try load([root("nope")], in: root, allowMissing: true).resolution.entries.isEmpty)
    }

    @Test func marksEveryKeyOfADirectorySecretWhateverItsName() throws {
        let root = try TemporaryDirectory()
        try root.write("s/HOST", "db\n")
        let snapshot = Snapshot(try load([root("s")], in: root), secrets: try SecretPolicy())
        #expect(snapshot["HOST"]?.isSecret == true)
        #expect(snapshot.secretValues == ["db"])
    }
}
