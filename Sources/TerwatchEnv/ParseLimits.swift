/// Bounds that turn hostile or runaway input into an error instead of a slowdown.
public struct ParseLimits: Hashable, Sendable {
    /// The largest file accepted, in bytes (default 16 MiB; never more than 2 GiB - 1).
    public var maxFileBytes: Int
    /// The largest single value accepted, in bytes (default 1 MiB).
    public var maxValueBytes: Int
    /// The most keys one file may define (default 100,000).
    public var maxKeys: Int
    /// The deepest nesting of `${` in one value, or of a chain of references (default 32).
    public var maxNestingDepth: Int

    /// Creates limits; every argument defaults to the documented value.
    public init(
        maxFileBytes: Int = 16 << 20,
        maxValueBytes: Int = 1 << 20,
        maxKeys: Int = 100_000,
        maxNestingDepth: Int = 32
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxValueBytes = maxValueBytes
        self.maxKeys = maxKeys
        self.maxNestingDepth = maxNestingDepth
    }

    /// The documented defaults.
    public static let `default` = ParseLimits()
}
