import Testing
@testable import TerwatchCore

/// An in-memory tree: directories, files and symlinks by absolute path.
struct FakeFileSystem: FileSystemView {
    var nodes: [String: FileNode] = ["/": .directory]

    init(_ nodes: [String: FileNode]) {
        self.nodes.merge(nodes) { _, new in new }
    }

    func node(at path: String) -> FileNode { nodes[path] ?? .missing }

    func entries(of directory: String) -> [String] {
        guard nodes[directory] == .directory else { return [] }
        return nodes.keys.filter { $0 != "/" && parentPath($0) == directory }.map { String($0.split(separator: "/").last!) }
    }
}

@Suite struct WatcherWatchSetTests {
    func watchSet(_ sources: [String], _ nodes: [String: FileNode], cwd: String = "/") -> Set<String> {
        let resolver = PathResolver(fileSystem: FakeFileSystem(nodes), workingDirectory: cwd)
        return WatchSet(sources: sources, resolver: resolver).directories
    }

    @Test func plainFileWatchesItsDirectory() {
        #expect(watchSet(["/app/.env"], ["/app": .directory, "/app/.env": .file]) == ["/app"])
    }

    @Test func relativePathsStartAtTheWorkingDirectory() {
        let nodes: [String: FileNode] = ["/app": .directory, "/app/conf": .directory, "/app/conf/.env": .file]
        #expect(watchSet(["conf/.env", "./conf/../conf/.env"], nodes, cwd: "/app") == ["/app/conf"])
    }

    @Test func everySymlinkHopAndTheTargetAreWatched() {
        let nodes: [String: FileNode] = [
            "/app": .directory, "/app/.env": .symlink(target: "/etc/shared/app.env"),
            "/etc": .directory, "/etc/shared": .directory, "/etc/shared/app.env": .symlink(target: "../real/app.env"),
            "/etc/real": .directory, "/etc/real/app.env": .file,
        ]
        #expect(watchSet(["/app/.env"], nodes) == ["/app", "/etc/shared", "/etc/real"])
    }

    @Test func symlinkedDirectoryOnTheWayIsAHop() {
        let nodes: [String: FileNode] = [
            "/app": .directory, "/app/config": .symlink(target: "/srv/config"),
            "/srv": .directory, "/srv/config": .directory, "/srv/config/.env": .file,
        ]
        #expect(watchSet(["/app/config/.env"], nodes) == ["/app", "/srv/config"])
    }

    @Test func kubernetesVolumeWatchesTheMountAndTheCurrentDataDirectory() {
        let nodes: [String: FileNode] = [
            "/etc/config": .directory, "/etc": .directory,
            "/etc/config/.env": .symlink(target: "..data/.env"),
            "/etc/config/..data": .symlink(target: "..2024_01_01_00_00_00.1"),
            "/etc/config/..2024_01_01_00_00_00.1": .directory,
            "/etc/config/..2024_01_01_00_00_00.1/.env": .file,
        ]
        #expect(watchSet(["/etc/config/.env"], nodes) == ["/etc/config", "/etc/config/..2024_01_01_00_00_00.1"])
    }

    @Test func missingFileWatchesTheNearestExistingDirectory() {
        #expect(watchSet(["/app/conf/deep/.env"], ["/app": .directory]) == ["/app"])
        #expect(watchSet(["/app/.env"], ["/app": .directory]) == ["/app"])
        #expect(watchSet(["/app/.env/x"], ["/app": .directory, "/app/.env": .file]) == ["/app"])
    }

    @Test func danglingSymlinkWatchesWhereItsTargetWouldAppear() {
        let nodes: [String: FileNode] = ["/app": .directory, "/app/.env": .symlink(target: "/run/secrets/app.env"), "/run": .directory]
        #expect(watchSet(["/app/.env"], nodes) == ["/app", "/run"])
    }

    @Test func symlinkLoopStopsAtTheHopLimit() {
        let nodes: [String: FileNode] = ["/a": .directory, "/a/x": .symlink(target: "y"), "/a/y": .symlink(target: "x")]
        #expect(watchSet(["/a/x"], nodes) == ["/a"])
    }

    @Test func directorySourceWatchesEverySubdirectoryAndFollowsSymlinks() {
        let nodes: [String: FileNode] = [
            "/env.d": .directory, "/env.d/a.env": .file, "/env.d/sub": .directory, "/env.d/sub/deeper": .directory,
            "/env.d/linked": .symlink(target: "/shared/dir"), "/shared": .directory, "/shared/dir": .directory,
            "/shared/dir/inner": .directory, "/shared/dir/loop": .symlink(target: "/env.d"),
            "/env.d/file-link": .symlink(target: "/etc/one.env"), "/etc": .directory, "/etc/one.env": .file,
        ]
        #expect(watchSet(["/env.d"], nodes) == [
            "/env.d", "/env.d/sub", "/env.d/sub/deeper", "/shared/dir", "/shared/dir/inner", "/etc",
        ])
    }

    @Test func kubernetesSecretDirectoryIsWatchedWithItsDataDirectory() {
        let nodes: [String: FileNode] = [
            "/run": .directory, "/run/secrets": .directory,
            "/run/secrets/DB_PASSWORD": .symlink(target: "..data/DB_PASSWORD"),
            "/run/secrets/..data": .symlink(target: "..2024_05_05"),
            "/run/secrets/..2024_05_05": .directory, "/run/secrets/..2024_05_05/DB_PASSWORD": .file,
        ]
        #expect(watchSet(["/run/secrets"], nodes) == ["/run/secrets", "/run/secrets/..2024_05_05"])
    }

    @Test func changesAddTheNewAndRemoveTheGone() {
        let wanted = WatchSet(directories: ["/a", "/b", "/c"])
        #expect(wanted.changes(from: ["/b", "/c", "/old"]) == WatchChanges(add: ["/a"], remove: ["/old"]))
        #expect(wanted.changes(from: ["/a", "/b", "/c"]).isEmpty)
    }

    @Test func staleDirectoriesAreWatchedAgain() {
        let wanted = WatchSet(directories: ["/a", "/b"])
        #expect(wanted.changes(from: ["/a", "/b", "/gone"], stale: ["/a", "/gone"])
            == WatchChanges(add: ["/a"], remove: ["/a", "/gone"]))
    }

    @Test func tableTracksDescriptorsBothWays() {
        var table = WatchTable()
        table.insert(wd: 1, directory: "/a")
        table.insert(wd: 2, directory: "/b")
        table.insert(wd: 2, directory: "/b-bind")
        #expect(table.directory(of: 1) == "/a")
        #expect(table.remove(directory: "/b") == nil)
        #expect(table.directory(of: 2) == "/b-bind")
        #expect(table.remove(directory: "/b-bind") == 2)
        #expect(table.directory(of: 2) == nil)
        #expect(table.drop(wd: 1) == ["/a"])
        #expect(table.directories.isEmpty)
    }
}
