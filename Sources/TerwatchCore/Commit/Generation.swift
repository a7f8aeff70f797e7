/// A committed snapshot and the number it was committed under.
public struct Generation: Hashable, Sendable {
    /// The generation number: 1 for the first commit, then one more for each commit or rollback.
    public let number: Int
    /// The configuration in force from this generation on.
    public let snapshot: Snapshot

    /// Creates a generation.
    public init(number: Int, snapshot: Snapshot) {
        self.number = number
        self.snapshot = snapshot
    }
}
