import Testing
import TerwatchCore

@Suite struct FileSystemTests {
    @Test func readsAWholeFile() throws {
        let root = try TemporaryDirectory()
        let text = String(repeating: "KEY=value\n", count: 10_000)
        let path = try root.write("big.env", text)
        #expect(try FileSystem.contents(of: path, limit: 1 << 20) == Array(text.utf8))
    }

    @Test func stopsReadingAtTheLimit() throws {
        let root = try TemporaryDirectory()
        let path = try root.write("big.env", String(repeating: "x", count: 100_000))
        #expect(try FileSystem.contents(of: path, limit: 70_001).count == 70_001)
        #expect(try FileSystem.contents(of: path, limit: 0).isEmpty)
    }

    @Test func readsAnEmptyFile() throws {
        let root = try TemporaryDirectory()
        #expect(try FileSystem.contents(of: try root.write("empty.env"), limit: 100).isEmpty)
    }

    @Test func namesTheFailingCallAndPath() throws {
        let root = try TemporaryDirectory()
        do {
            _ = try FileSystem.contents(of: root.path + "/none", limit: 10)
            Issue.record("reading a missing file succeeded")
        } catch {
            #expect(error.description == "cannot open '\(root.path)/none': no such file or directory")
        }
        do {
            _ = try FileSystem.contents(of: root.path, limit: 10)
            Issue.record("reading a directory succeeded")
        } catch {
            #expect(error.description == "cannot read '\(root.path)': is a directory")
        }
    }

    @Test func tellsKinds() throws {
        let root = try TemporaryDirectory()
        let file = try root.write("f")
        try root.link("l", to: file)
        #expect(try FileSystem.kind(of: file) == .regular)
        #expect(try FileSystem.kind(of: root.path) == .directory)
        #expect(try FileSystem.kind(of: root.path + "/l") == .regular)
        #expect(try FileSystem.kind(of: root.path + "/l", followingLinks: false) == .symbolicLink)
        #expect(try FileSystem.kind(of: root.path + "/missing") == nil)
        #expect(try FileSystem.kind(of: file + "/under-a-file") == nil)
    }
}
