extension Redactor {
    /// A redactor for the secret values of the given snapshots (nil ones skipped) and the `retired` ones.
    public init(snapshots: Snapshot?..., retired: RetiredSecrets = RetiredSecrets()) {
        self.init(secrets: snapshots.compactMap { $0 }.flatMap(\.secretValues) + retired.values)
    }
}
