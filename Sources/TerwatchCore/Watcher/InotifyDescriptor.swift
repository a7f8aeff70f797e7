import Glibc

/// Finds libinotifytools' inotify descriptor, which the library does not export.
///
/// Every inotify descriptor of the process shows as `anon_inode:inotify` in
/// /proc/self/fd, and its watches as `inotify wd:N ino:HEX …` lines in
/// /proc/self/fdinfo. The one watching a freshly made private directory is ours.
enum InotifyDescriptor {
    /// Every inotify descriptor of the process, in ascending order.
    static func all() -> [Int32] {
        LiveFileSystem().entries(of: "/proc/self/fd").compactMap { name in
            guard let fd = Int32(name), LiveFileSystem.readLink("/proc/self/fd/" + name) == "anon_inode:inotify" else {
                return nil
            }
            return fd
        }.sorted()
    }

    /// The descriptor watching the directory with inode `inode`, and that watch's descriptor.
    static func find(watchingInode inode: UInt64) -> (fd: Int32, wd: Int32)? {
        let wanted = "ino:" + String(inode, radix: 16)
        for fd in all() {
            guard let info = LiveFileSystem.contents(of: "/proc/self/fdinfo/\(fd)") else { continue }
            for line in info.split(separator: "\n") where line.hasPrefix("inotify ") {
                let fields = line.split(separator: " ")
                guard fields.contains(Substring(wanted)),
                      let field = fields.first(where: { $0.hasPrefix("wd:") }),
                      let wd = Int32(field.dropFirst(3))
                else { continue }
                return (fd, wd)
            }
        }
        return nil
    }

    /// Marks `fd` close-on-exec so spawned children do not inherit it.
    static func setCloseOnExec(_ fd: Int32) throws(InotifyError) {
        let flags = fcntl(fd, F_GETFD)
        guard flags >= 0, fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0 else {
            throw .system(call: "fcntl", path: nil, errno: errno)
        }
    }

    /// Whether `fd` is marked close-on-exec.
    static func isCloseOnExec(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFD)
        return flags >= 0 && flags & FD_CLOEXEC != 0
    }

    /// The inode number of the directory at `path`.
    static func inode(of path: String) throws(InotifyError) -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(call: "stat", path: path, errno: errno) }
        return UInt64(info.st_ino)
    }
}
