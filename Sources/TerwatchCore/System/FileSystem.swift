import Glibc

/// The file-system calls the loader needs, each wrapped once, retried on EINTR, failing with a `SystemCallError`.
public enum FileSystem {
    /// What a path names.
    public enum Kind: Hashable, Sendable {
        /// A regular file.
        case regular
        /// A directory.
        case directory
        /// A symbolic link (only when links are not followed).
        case symbolicLink
        /// Anything else: a FIFO, a socket, a device.
        case other
    }

    /// What `path` names, following symbolic links unless `followingLinks` is false; nil when nothing is there.
    public static func kind(of path: String, followingLinks: Bool = true) throws(SystemCallError) -> Kind? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else {
            let error = SystemCallError(.stat, path: path, code: errno)
            if error.isMissing { return nil }
            throw error
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The size in bytes of the regular file at `path`; nil for anything else.
    public static func size(of path: String) throws(SystemCallError) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemCallError(.stat, path: path, code: errno) }
        return info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
    }

    /// The names in directory `path`, without `.` and `..`, in the order the system gives them.
    public static func names(in path: String) throws(SystemCallError) -> [String] {
        guard let directory = opendir(path) else {
            throw SystemCallError(.opendir, path: path, code: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw SystemCallError(.readdir, path: path, code: errno) }
                return names
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// The bytes of the file at `path`, at most `limit` of them (reading stops there).
    public static func contents(of path: String, limit: Int) throws(SystemCallError) -> [UInt8] {
        let descriptor = try open(path)
        defer { close(descriptor) }
        var info = stat()
        let sizeHint = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        var bytes = [UInt8](repeating: 0, count: min(max(sizeHint + 1, 4096), limit))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - count)))
            }
            let filled = count
            let result = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(.read, path: path, code: errno)
            }
            if result == 0 { break }
            count += result
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func open(_ path: String) throws(SystemCallError) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw SystemCallError(.open, path: path, code: errno) }
        }
    }
}
