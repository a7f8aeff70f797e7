/// Building a snapshot from a load.
extension Snapshot {
    /// The snapshot of `loaded`: the keys its files define, secret by `secrets`, and the files it read.
    public init(_ loaded: LoadedEnvironment, secrets: SecretPolicy) {
        self.init(
            entries: loaded.resolution.entries.map { entry in
                Entry(
                    key: entry.key,
                    value: entry.value,
                    origin: Origin(path: entry.path, position: entry.position),
                    isSecret: secrets.isSecret(entry.key)
                )
            },
            sources: loaded.sourceDigests
        )
    }
}
