extension Redactor {
    /// A redactor for the secret values of the given snapshots (nil ones skipped).
    public init(snapshots: Snapshot?...) {
        self.init(secrets: snapshots.compactMap { $0 }.flatMap(\.secretValues))
    }
}
