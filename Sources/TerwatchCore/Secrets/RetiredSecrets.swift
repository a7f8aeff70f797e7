/// The secret values a run has rotated out or turned down, newest last, bounded: what redaction covers beyond the snapshots in play.
///
/// A hook, a child or a library may still print a value that left the
/// configuration generations ago (a cache, a connection string in an error,
/// a log it tails), so the redactor of a rejection or a log line looks for
/// these values too. A value is retired when the generation it was in is
/// replaced (a commit, a rollback) by one without it, and when a candidate
/// holding it is rejected. At most `capacity` values and `byteCapacity`
/// bytes of them are kept; the ones retired longest ago are forgotten first.
/// A value retired again becomes the newest. Values shorter than
/// `Redactor.minimumLength` are not kept, since they are not looked for.
public struct RetiredSecrets: Hashable, Sendable {
    /// The most values kept.
    public static let capacity = 256
    /// The most bytes kept, over all values (a value is at most 1 MiB, `ParseLimits.maxValueBytes`).
    public static let byteCapacity = 4 << 20

    /// The values, the one retired longest ago first.
    public private(set) var values: [String] = []
    private var byteCount = 0

    /// Nothing retired.
    public init() {}

    /// Retires every secret value of `old` that `current` does not hold.
    public mutating func retire(_ old: Snapshot?, keeping current: Snapshot?) {
        guard let old else { return }
        let kept = Set(current?.secretValues ?? [])
        for value in old.secretValues where value.utf8.count >= Redactor.minimumLength && !kept.contains(value) {
            if let index = values.firstIndex(of: value) {
                values.remove(at: index)
                byteCount -= value.utf8.count
            }
            values.append(value)
            byteCount += value.utf8.count
        }
        let excess = values.count - Self.capacity
        if excess > 0 {
            byteCount -= values.prefix(excess).reduce(0) { $0 + $1.utf8.count }
            values.removeFirst(excess)
        }
        var dropped = 0
        while byteCount > Self.byteCapacity {
            byteCount -= values[dropped].utf8.count
            dropped += 1
        }
        values.removeFirst(dropped)
    }
}
