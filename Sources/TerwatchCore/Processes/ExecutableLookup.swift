import Glibc

/// Finds the file a command name runs, the way `execvp` does, telling "not found" from "not executable".
enum ExecutableLookup {
    /// The search path used when the child's environment has no PATH (glibc's `_CS_PATH`).
    static let defaultSearchPath = "/bin:/usr/bin"

    /// The path to run for `name`: `name` itself when it contains a slash, else the first executable `DIR/name` for DIR in `searchPath`.
    ///
    /// An empty entry in `searchPath` means the current directory. When only non-executable
    /// candidates exist, the first of them is reported as not executable.
    static func resolve(_ name: String, searchPath: String) throws(ProcessError) -> String {
        if name.contains("/") {
            try check(name)
            return name
        }
        guard !name.isEmpty else { throw .notFound(name) }
        var firstFailure: ProcessError?
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = directory.isEmpty ? name : "\(directory)/\(name)"
            do throws(ProcessError) {
                try check(candidate)
                return candidate
            } catch .notFound {
                continue
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        throw firstFailure ?? .notFound(name)
    }

    /// Succeeds when `path` is a regular file this process may execute.
    private static func check(_ path: String) throws(ProcessError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
            throw .notExecutable(path, code: code)
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw .notExecutable(path, code: EISDIR) }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else {
            throw .notExecutable(path, code: EACCES)
        }
    }
}
