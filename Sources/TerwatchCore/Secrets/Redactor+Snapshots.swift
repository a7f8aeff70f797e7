extension Redactor {
    /// A redactor for the secret values of the given snapshots (nil ones skipped) and the `retired` ones.
    public init(snapshots: Snapshot?..., retired: RetiredSecrets = RetiredSecrets()) {
        self.init(secrets: snapshots.compactMap { $0 }.flatMap(\.secretValues) + retired.values)
    }

    /// A redactor for the values of the keys of `loaded` that `classification` says are secret.
    public init(secretsOf loaded: LoadedEnvironment, _ classification: SecretClassification) {
        self.init(secrets: loaded.resolution.entries.filter { classification.isSecret($0.key) }.map(\.value))
    }
}
