import Testing
import TerwatchCore

@Suite struct SourceListTests {
    @Test func defaultsToDotEnvInTheWorkingDirectory() {
        #expect(SourceList(paths: []).paths == [".env"])
    }

    @Test func expandsADirectoryRecursivelyInByteOrder() throws {
        let root = try TemporaryDirectory()
        for name in ["conf/b.env", "conf/a/z.env", "conf/a.env", "conf/B.env", "conf/.env",
                     "conf/.env.local", "conf/ü.env", "conf/a-b.env"] {
            try root.write(name)
        }
        let files = try SourceList(paths: [root.path + "/conf"]).files()
        let names = files.map { String($0.dropFirst(root.path.count + 6)) }
        #expect(names == [".env", ".env.local", "B.env", "a-b.env", "a.env", "a/z.env", "b.env", "ü.env"])
    }

    @Test func joinsATrailingSlashOnce() throws {
        let root = try TemporaryDirectory()
        try root.write("conf/a.env")
        #expect(try SourceList(paths: [root.path + "/conf/"]).files() == [root.path + "/conf/a.env"])
    }

    @Test func skipsScratchFilesOtherNamesAndHiddenDirectories() throws {
        let root = try TemporaryDirectory()
        for name in ["a.env~", ".a.env.swp", ".env.swp", ".#a.env", "#a.env#", "a.env.tmp", ".env.tmp",
                     "README", "env", "a.envrc", "x.txt", ".git/a.env", "..data/a.env", "kept.env"] {
            try root.write(name)
        }
        #expect(try SourceList(paths: [root.path]).files() == [root.path + "/kept.env"])
    }

    @Test func followsLinksToFilesButNotToDirectories() throws {
        let root = try TemporaryDirectory()
        let target = try root.write("elsewhere/real.env")
        try root.write("elsewhere/inner/x.env")
        try root.write("conf/own.env")
        try root.link("conf/linked.env", to: target)
        try root.link("conf/dangling.env", to: root.path + "/nothing")
        try root.link("conf/sub", to: root.path + "/elsewhere/inner")
        let files = try SourceList(paths: [root.path + "/conf"]).files()
        #expect(files == [root.path + "/conf/linked.env", root.path + "/conf/own.env"])
    }

    @Test func keepsFilesAndDirectoriesInTheOrderNamed() throws {
        let root = try TemporaryDirectory()
        let second = try root.write("z.env")
        try root.write("dir/b.env")
        try root.write("dir/a.env")
        let files = try SourceList(paths: [second, root.path + "/dir"]).files()
        #expect(files == [second, root.path + "/dir/a.env", root.path + "/dir/b.env"])
    }

    @Test func namesAMissingSource() throws {
        let root = try TemporaryDirectory()
        #expect(throws: SystemCallError.self) { try SourceList(paths: [root.path + "/nope.env"]).files() }
        do {
            _ = try SourceList(paths: ["no/such/dir"]).files()
        } catch {
            #expect(error.description == "cannot open 'no/such/dir': no such file or directory")
            #expect(error.isMissing)
        }
    }

    @Test func leavesOutAMissingSourceWhenAllowed() throws {
        let root = try TemporaryDirectory()
        let present = try root.write("a.env")
        let list = SourceList(paths: [root.path + "/gone.env", present, root.path + "/gone.d"], allowMissing: true)
        #expect(try list.files() == [present])
    }
}
