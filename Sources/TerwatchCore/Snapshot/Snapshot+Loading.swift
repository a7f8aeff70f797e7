/// Building a snapshot from a load.
extension Snapshot {
    /// The snapshot of `loaded`: the keys its files define, secret as `secrets` classifies them (name, origin, value shape), and the files it read.
    public init(_ loaded: LoadedEnvironment, secrets: SecretPolicy) {
        self.init(loaded, classification: secrets.classify(loaded))
    }

    /// The snapshot of `loaded`, its keys secret as `classification` (made for that load) says.
    public init(_ loaded: LoadedEnvironment, classification: SecretClassification) {
        self.init(
            entries: loaded.resolution.entries.map { entry in
                Entry(
                    key: entry.key,
                    value: entry.value,
                    origin: Origin(path: entry.path, position: entry.position),
                    isSecret: classification.isSecret(entry.key)
                )
            },
            sources: loaded.sourceDigests
        )
    }
}
