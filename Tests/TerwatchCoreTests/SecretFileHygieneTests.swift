import Testing
import TerwatchCore
import TerwatchEnv

/// Warnings about files holding secrets that group or others may read.
@Suite struct SecretFileHygieneTests {
    private func warnings(_ env: String, directories: [String] = []) throws -> [String] {
        let loaded = try Loader(options: LoadOptions(sources: SourceList(paths: [env]), secretsDirectories: directories))
            .load(environment: .empty)
        return SecretFileHygiene.warnings(loaded, try SecretPolicy().classify(loaded)).map(\.description)
    }

    @Test func warnsAboutASecretFileReadableByOthersAndNotAbout0600() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "HOST=db\n")
        let open = try root.write("s/OPEN", "x\n")
        let closed = try root.write("s/CLOSED", "y\n")
        try FileModes.set(open, 0o644)
        try FileModes.set(closed, 0o600)
        try FileModes.set(env, 0o644)
        #expect(try warnings(env, directories: [root("s")]) == [
            "\(open):1:1: warning: file holding secret 'OPEN' is readable by group or others (mode 0644)",
        ])
        try FileModes.set(open, 0o640)
        #expect(try warnings(env, directories: [root("s")]) == [
            "\(open):1:1: warning: file holding secret 'OPEN' is readable by group or others (mode 0640)",
        ])
        try FileModes.set(open, 0o600)
        #expect(try warnings(env, directories: [root("s")]) == [])
    }

    @Test func judgesTheFileALinkLeadsTo() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "")
        let target = try root.write("s/..data/KEY", "x\n")
        try root.link("s/KEY", to: "..data/KEY")
        try FileModes.set(target, 0o400)
        #expect(try warnings(env, directories: [root("s")]) == [])
        try FileModes.set(target, 0o444)
        #expect(try warnings(env, directories: [root("s")]) == [
            "\(root("s/KEY")):1:1: warning: file holding secret 'KEY' is readable by group or others (mode 0444)",
        ])
    }

    @Test func warnsOnceAboutAnEnvFileAtItsFirstSecretValue() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "HOST=db\nEMPTY_TOKEN=\nDB_PASSWORD=hunter2\nAPI_TOKEN=t\n")
        try FileModes.set(env, 0o604)
        #expect(try warnings(env) == [
            "\(env):3:1: warning: file holding secret 'DB_PASSWORD' is readable by group or others (mode 0604)",
        ])
        try FileModes.set(env, 0o600)
        #expect(try warnings(env) == [])
    }

    @Test func leavesFilesWithoutSecretValuesAlone() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "HOST=db\nDB_PASSWORD=\n")
        let empty = try root.write("s/EMPTY", "\n")
        try FileModes.set(env, 0o644)
        try FileModes.set(empty, 0o644)
        #expect(try warnings(env, directories: [root("s")]) == [])
    }

    @Test func warnsAboutASecretFileALaterSourceOverrides() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "")
        let first = try root.write("a/KEY", "one\n")
        let second = try root.write("b/KEY", "two\n")
        try FileModes.set(first, 0o644)
        try FileModes.set(second, 0o600)
        #expect(try warnings(env, directories: [root("a"), root("b")]) == [
            "\(first):1:1: warning: file holding secret 'KEY' is readable by group or others (mode 0644)",
        ])
    }
}
