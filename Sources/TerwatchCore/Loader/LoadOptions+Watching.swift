/// What a watcher must watch for these options.
extension LoadOptions {
    /// The sources as named, then the secrets directories, then every path a `NAME_FILE` key of `loaded` named (read or not).
    ///
    /// The references come from a load, so the list can change with each one:
    /// after every load, watch what this returns for it (a target that is
    /// missing is watched so that its appearance is seen).
    public func pathsToWatch(after loaded: LoadedEnvironment?) -> [String] {
        var paths: [String] = []
        for path in sources.paths + secretsDirectories + (loaded?.referencedPaths ?? []) where !paths.contains(path) {
            paths.append(path)
        }
        return paths
    }
}
