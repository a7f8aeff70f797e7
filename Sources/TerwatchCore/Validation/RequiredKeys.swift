import TerwatchEnv

/// Keys that must be set and non-empty (`--require KEY`), in the files or the inherited environment.
public struct RequiredKeys: Hashable, Sendable {
    /// The keys, in the order given.
    public var keys: [String]

    /// Creates the requirement.
    public init(_ keys: [String]) {
        self.keys = keys
    }

    /// One error line per key that is unset or empty: a diagnostic at its definition when a file sets it empty.
    public func problems(in loaded: LoadedEnvironment) -> [String] {
        keys.compactMap { key in
            if let entry = loaded.resolution.entries.first(where: { $0.key == key }) {
                guard entry.value.isEmpty else { return nil }
                let message = "required key '\(key)' is empty"
                return Diagnostic(.error, path: entry.path, position: entry.position, message: message).description
            }
            switch loaded.inherited.lookup(key) {
            case nil: return "terwatch: error: required key '\(key)' is not set"
            case ""?: return "terwatch: error: required key '\(key)' is empty"
            case _?: return nil
            }
        }
    }
}
