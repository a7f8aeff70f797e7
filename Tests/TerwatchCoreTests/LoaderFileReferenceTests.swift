import Foundation
import Testing
import TerwatchCore
import TerwatchEnv

/// `--resolve-file-refs`: `NAME_FILE=/path` also defines `NAME` from the file.
@Suite struct LoaderFileReferenceTests {
    private func load(
        _ env: String, resolving: Bool = true, allowMissing: Bool = false, environment: [String: String] = [:]
    ) throws -> LoadedEnvironment {
        try Loader(options: LoadOptions(
            sources: SourceList(paths: [env], allowMissing: allowMissing), resolvesFileReferences: resolving
        )).load(environment: InheritedEnvironment(environment))
    }

    @Test func definesTheNameAsTheFilesContentLessOneNewline() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("run/db_password", "hunter2\n")
        let env = try root.write(".env", "HOST=db\nDB_PASSWORD_FILE=\(target)\n")
        let loaded = try load(env)
        #expect(loaded.resolution.entries.map { "\($0.key)=\($0.value)" } == [
            "HOST=db", "DB_PASSWORD_FILE=\(target)", "DB_PASSWORD=hunter2",
        ])
        #expect(loaded.resolution.entries[2].path == target)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.map(\.path) == [env, target])
        #expect(loaded.secretSources == [SecretSource(path: target, key: "DB_PASSWORD", origin: .reference("DB_PASSWORD_FILE"))])
        #expect(loaded.referencedPaths == [target])
        #expect(loaded.sourceDigests.map(\.path) == [env, target])
        #expect(Snapshot(loaded, secrets: try SecretPolicy())["DB_PASSWORD"]?.isSecret == true)
    }

    @Test func followsTheExpandedValueAndLendsTheContentToReferences() throws {
        let root = try TemporaryDirectory()
        try root.write("run/token", "t0k3n\n")
        let env = try root.write(".env", "DIR=\(root("run"))\nAUTH_FILE=${DIR}/token\nHEADER=\"Bearer ${AUTH}\"\n")
        let loaded = try load(env)
        #expect(loaded.resolution.value(of: "AUTH") == "t0k3n")
        #expect(loaded.resolution.value(of: "HEADER") == "Bearer t0k3n")
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func overridesAnotherDefinitionOfTheNameWithAWarning() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("pw", "from-file\n")
        let env = try root.write(".env", "DB_PASSWORD=inline\nDB_PASSWORD_FILE=\(target)\n")
        let loaded = try load(env)
        #expect(loaded.resolution.value(of: "DB_PASSWORD") == "from-file")
        #expect(loaded.diagnostics.map(\.description) == [
            "\(env):2:1: warning: 'DB_PASSWORD_FILE' overrides 'DB_PASSWORD' defined at \(env):1",
        ])
    }

    @Test func reportsAnUnreadableTargetAtTheReference() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "A=1\nDB_PASSWORD_FILE=\(root("missing"))\n")
        let loaded = try load(env)
        #expect(loaded.resolution.value(of: "DB_PASSWORD") == nil)
        #expect(loaded.diagnostics.map(\.description) == [
            "\(env):2:1: error: 'DB_PASSWORD_FILE': cannot open '\(root("missing"))': no such file or directory",
        ])
        #expect(loaded.referencedPaths == [root("missing")])
        #expect(loaded.files.map(\.path) == [env])
    }

    @Test func leavesAMissingTargetOutWhenMissingSourcesAreAllowedButStillNamesIt() throws {
        let root = try TemporaryDirectory()
        let env = try root.write(".env", "DB_PASSWORD_FILE=\(root("missing"))\n")
        let loaded = try load(env, allowMissing: true)
        #expect(loaded.resolution.value(of: "DB_PASSWORD") == nil)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.referencedPaths == [root("missing")])
    }

    @Test func refusesATargetThatCannotBeAValue() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("bin")
        try Data([0xC3, 0x28]).write(to: URL(fileURLWithPath: target))
        let env = try root.write(".env", "KEY_FILE=\(target)\n")
        #expect(try load(env).diagnostics.map(\.description) == [
            "\(env):1:1: error: 'KEY_FILE': value of 'KEY' is not UTF-8 text",
        ])
    }

    @Test func ignoresEmptyValuesBareSuffixesAndEverythingWhenOff() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("pw", "x\n")
        let env = try root.write(".env", "EMPTY_FILE=\n_FILE=\(target)\nDB_PASSWORD_FILE=\(target)\n")
        let loaded = try load(env, resolving: false)
        #expect(loaded.resolution.entries.map(\.key) == ["EMPTY_FILE", "_FILE", "DB_PASSWORD_FILE"])
        #expect(loaded.referencedPaths.isEmpty)
        #expect(loaded.secretSources.isEmpty)
        let resolved = try load(env)
        #expect(resolved.resolution.entries.map(\.key) == ["EMPTY_FILE", "_FILE", "DB_PASSWORD_FILE", "DB_PASSWORD"])
        #expect(resolved.referencedPaths == [target])
    }

    @Test func letsAnInheritedValueWinUnderNoOverride() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("pw", "from-file\n")
        let env = try root.write(".env", "DB_PASSWORD_FILE=\(target)\n")
        let loaded = try Loader(options: LoadOptions(
            sources: SourceList(paths: [env]), inheritedWins: true, resolvesFileReferences: true
        )).load(environment: InheritedEnvironment(["DB_PASSWORD": "inherited"]))
        #expect(loaded.resolution.value(of: "DB_PASSWORD") == "inherited")
    }
}

extension LoaderFileReferenceTests {
    @Test func namesEveryPathToWatchOnceSourcesDirectoriesThenReferences() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("pw", "x\n")
        let env = try root.write(".env", "A_FILE=\(target)\nB_FILE=\(target)\nC_FILE=\(root("missing"))\n")
        let options = LoadOptions(
            sources: SourceList(paths: [env], allowMissing: true), secretsDirectories: [root("s"), root("s")],
            resolvesFileReferences: true
        )
        #expect(options.pathsToWatch(after: nil) == [env, root("s")])
        let loaded = try Loader(options: options).load(environment: .empty)
        #expect(options.pathsToWatch(after: loaded) == [env, root("s"), target, root("missing")])
    }
}
