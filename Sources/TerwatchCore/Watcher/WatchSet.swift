/// The directories to watch so that any change to the sources is seen.
///
/// For a file: the directory holding it, and the directory holding every
/// symlink on the way to it. For a directory: itself and every directory
/// below it, following symlinked subdirectories. For a missing path: the
/// deepest existing directory on the way, so that its creation is seen.
public struct WatchSet: Equatable, Sendable {
    /// The symlink-free absolute paths of the directories to watch.
    public var directories: Set<String>

    /// A watch set of the given directories.
    public init(directories: Set<String> = []) {
        self.directories = directories
    }

    /// The watch set for `sources` (files or directories, possibly missing) as `resolver` sees them now.
    public init<FileSystem>(sources: [String], resolver: PathResolver<FileSystem>) {
        var walk = Walk(resolver: resolver)
        for source in sources { walk.add(source) }
        self.init(directories: walk.directories)
    }

    /// What to add and remove to go from the `watched` directories to this set.
    ///
    /// `stale` directories lost their watch (deleted, moved or dropped by the
    /// kernel): they are removed, and added back when still wanted.
    public func changes(from watched: Set<String>, stale: Set<String> = []) -> WatchChanges {
        let keep = watched.subtracting(stale)
        let add = directories.subtracting(keep)
        let remove = watched.subtracting(directories).union(watched.intersection(stale))
        return WatchChanges(add: add.sorted(), remove: remove.sorted())
    }
}

/// The watches to add and to remove to reach a new watch set.
public struct WatchChanges: Equatable, Sendable {
    /// Directories to start watching, sorted.
    public var add: [String]
    /// Directories to stop watching, sorted.
    public var remove: [String]

    /// Whether nothing needs to change.
    public var isEmpty: Bool { add.isEmpty && remove.isEmpty }
}

/// Collects directories source by source, walking directory sources recursively.
private struct Walk<FileSystem: FileSystemView> {
    let resolver: PathResolver<FileSystem>
    var directories: Set<String> = []
    /// Directory trees already walked, so symlink cycles end.
    var walked: Set<String> = []

    mutating func add(_ path: String) {
        let resolution = resolver.resolve(path)
        directories.formUnion(resolution.hopDirectories)
        switch resolution.outcome {
        case .file(let file): directories.insert(parentPath(file))
        case .missing(let nearest): directories.insert(nearest)
        case .directory(let directory): addTree(directory)
        }
    }

    /// Watches `root` and everything below it; symlinks inside are followed like sources.
    mutating func addTree(_ root: String) {
        var pending = [root]
        while let directory = pending.popLast() {
            guard walked.insert(directory).inserted else { continue }
            directories.insert(directory)
            for name in resolver.fileSystem.entries(of: directory).sorted() {
                let child = joinPath(directory, name)
                switch resolver.fileSystem.node(at: child) {
                case .directory: pending.append(child)
                case .symlink: add(child)
                case .file, .missing: break
                }
            }
        }
    }
}
