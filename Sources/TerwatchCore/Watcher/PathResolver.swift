/// Follows one path component by component, as the kernel does, noting every symlink on the way.
///
/// Pure over a `FileSystemView`: the watch set is computed from its answers.
public struct PathResolver<FileSystem: FileSystemView>: Sendable {
    /// Where a path led.
    public enum Outcome: Equatable, Sendable {
        /// A file (anything not a directory) at this symlink-free path.
        case file(String)
        /// A directory at this symlink-free path.
        case directory(String)
        /// The path does not exist; the deepest existing directory on the way.
        case missing(nearest: String)
    }

    /// One resolved path: where it led and the directories holding each symlink passed through.
    public struct Resolution: Equatable, Sendable {
        /// Where the path led.
        public var outcome: Outcome
        /// The symlink-free directories that hold a symlink followed on the way, in order.
        public var hopDirectories: [String]
    }

    /// How many symlinks one resolution may follow, like the kernel's limit.
    public static var maximumHops: Int { 40 }

    /// The file system asked.
    public let fileSystem: FileSystem
    /// The directory relative paths start from; must be absolute and symlink-free.
    public let workingDirectory: String

    /// A resolver asking `fileSystem`, with relative paths taken from `workingDirectory`.
    public init(fileSystem: FileSystem, workingDirectory: String) {
        self.fileSystem = fileSystem
        self.workingDirectory = workingDirectory
    }

    /// Resolves `path`; a symlink loop ends as missing at the directory where it was found.
    public func resolve(_ path: String) -> Resolution {
        var pending = Self.components(path).reversed() as [Substring]
        var current = path.hasPrefix("/") ? "/" : workingDirectory
        var hops: [String] = []
        var hopCount = 0
        while let component = pending.popLast() {
            if component.isEmpty || component == "." { continue }
            if component == ".." {
                current = parentPath(current)
                continue
            }
            let candidate = joinPath(current, String(component))
            switch fileSystem.node(at: candidate) {
            case .missing:
                return Resolution(outcome: .missing(nearest: current), hopDirectories: hops)
            case .directory:
                current = candidate
            case .file:
                let rest = pending.contains { !$0.isEmpty && $0 != "." }
                let outcome: Outcome = rest ? .missing(nearest: current) : .file(candidate)
                return Resolution(outcome: outcome, hopDirectories: hops)
            case .symlink(let target):
                if !hops.contains(current) { hops.append(current) }
                hopCount += 1
                if hopCount > Self.maximumHops || target.isEmpty {
                    return Resolution(outcome: .missing(nearest: current), hopDirectories: hops)
                }
                if target.hasPrefix("/") { current = "/" }
                pending.append(contentsOf: Self.components(target).reversed())
            }
        }
        return Resolution(outcome: .directory(current), hopDirectories: hops)
    }

    /// The `/`-separated components of a path.
    static func components(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
