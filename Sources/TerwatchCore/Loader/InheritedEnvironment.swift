import Glibc

/// The variables a load inherits: the process environment, a fixed set, or nothing (`--pristine`).
public struct InheritedEnvironment: Sendable {
    /// Looks up one variable.
    public let lookup: @Sendable (String) -> String?

    /// Creates an environment from a lookup function.
    public init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
    }

    /// Creates an environment holding exactly `variables`.
    public init(_ variables: [String: String]) {
        self.init { variables[$0] }
    }

    /// This process's environment, read with `getenv` at each lookup.
    public static let process = InheritedEnvironment { name in
        getenv(name).map { String(cString: $0) }
    }

    /// No variables at all.
    public static let empty = InheritedEnvironment { _ in nil }
}
