extension SnapshotDiff {
    /// Every key whose value differs, as `TERWATCH_CHANGED` and the log lines list them: changed, added, removed, then rotated.
    public var changedKeys: [String] {
        changed.map(\.key) + added.map(\.key) + removed.map(\.key) + rotated.map(\.key)
    }
}
