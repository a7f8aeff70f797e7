import Glibc

extension FileSystem {
    /// The permission bits (`mode & 0o7777`) of what `path` names, following symbolic links.
    public static func permissions(of path: String) throws(SystemCallError) -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemCallError(.stat, path: path, code: errno) }
        return UInt32(info.st_mode) & 0o7777
    }
}
