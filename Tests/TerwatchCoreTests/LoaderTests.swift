import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct LoaderTests {
    private func load(_ paths: [String], _ options: LoadOptions = LoadOptions(), environment: [String: String] = [:])
        throws -> LoadedEnvironment
    {
        try Loader(options: options.reading(SourceList(paths: paths, allowMissing: options.sources.allowMissing)))
            .load(environment: InheritedEnvironment(environment))
    }

    @Test func laterFilesOverrideEarlierOnes() throws {
        let root = try TemporaryDirectory()
        let base = try root.write("base.env", "A=1\nB=base\n")
        let local = try root.write("local.env", "B=local\nC=3\n")
        let loaded = try load([base, local])
        #expect(loaded.files.map(\.path) == [base, local])
        #expect(loaded.resolution.entries.map(\.key) == ["A", "B", "C"])
        #expect(loaded.resolution.value(of: "B") == "local")
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func readsADirectorySourceInOrder() throws {
        let root = try TemporaryDirectory()
        try root.write("conf.d/20-site.env", "A=site\n")
        try root.write("conf.d/10-base.env", "A=base\nB=base\n")
        try root.write("conf.d/10-base.env~", "B=scratch\n")
        let loaded = try load([root.path + "/conf.d"])
        #expect(loaded.resolution.value(of: "A") == "site")
        #expect(loaded.resolution.value(of: "B") == "base")
    }

    @Test func expandsAgainstTheInheritedEnvironmentUnlessPristine() throws {
        let root = try TemporaryDirectory()
        let file = try root.write(".env", "URL=http://${HOST}/\n")
        #expect(try load([file], environment: ["HOST": "h"]).resolution.value(of: "URL") == "http://h/")
        let pristine = LoadOptions(pristine: true)
        #expect(try load([file], pristine, environment: ["HOST": "h"]).resolution.value(of: "URL") == "http:///")
        #expect(try load([file], pristine, environment: ["HOST": "h"]).value(of: "HOST") == nil)
    }

    @Test func takesValuesLiterallyWithoutExpansion() throws {
        let root = try TemporaryDirectory()
        let file = try root.write(".env", "URL=http://${HOST}/\n")
        let loaded = try load([file], LoadOptions(expand: false), environment: ["HOST": "h"])
        #expect(loaded.resolution.value(of: "URL") == "http://${HOST}/")
    }

    @Test func letsInheritedVariablesWinWhenAsked() throws {
        let root = try TemporaryDirectory()
        let file = try root.write(".env", "MODE=file\nOTHER=file\n")
        let loaded = try load([file], LoadOptions(inheritedWins: true), environment: ["MODE": "inherited"])
        #expect(loaded.resolution.value(of: "MODE") == "inherited")
        #expect(loaded.resolution.value(of: "OTHER") == "file")
    }

    @Test func treatsAMissingSourceAsEmptyWhenAllowed() throws {
        let root = try TemporaryDirectory()
        let file = try root.write("a.env", "A=1\n")
        let options = LoadOptions(sources: SourceList(paths: [], allowMissing: true))
        let loaded = try load([root.path + "/missing.env", file], options)
        #expect(loaded.files.map(\.path) == [file])
        #expect(loaded.resolution.entries.map(\.key) == ["A"])
        #expect(throws: SystemCallError(.open, path: root.path + "/missing.env", code: 2)) {
            try load([root.path + "/missing.env", file])
        }
    }

    @Test func stopsReadingAnOversizedFileAndNamesItsSize() throws {
        let root = try TemporaryDirectory()
        let file = try root.write("big.env", "A=" + String(repeating: "x", count: 2000) + "\n")
        var limits = ParseLimits.default
        limits.maxFileBytes = 1000
        let loaded = try load([file], LoadOptions(limits: limits))
        #expect(loaded.diagnostics.map(\.description) == ["\(file):1:1: error: file is 2003 bytes, over the limit of 1000 bytes"])
        limits.maxFileBytes = 3000
        #expect(try !load([file], LoadOptions(limits: limits)).diagnostics.containsErrors)
    }
}
