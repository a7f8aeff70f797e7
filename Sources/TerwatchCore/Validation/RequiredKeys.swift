import TerwatchEnv

/// Keys that must be set and non-empty (`--require KEY`), in the files or the inherited environment.
public struct RequiredKeys: Hashable, Sendable {
    /// One key that is not as required.
    public struct Problem: Hashable, Sendable {
        /// `required key 'PORT' is not set` or `… is empty`.
        public let message: String
        /// Where a file sets the key empty; nil when the key is unset or inherited empty.
        public let diagnostic: Diagnostic?

        /// The line `check` and `print` write: the diagnostic, or `terwatch: error: message`.
        public var line: String { diagnostic?.description ?? "terwatch: error: \(message)" }
    }

    /// The keys, in the order given.
    public var keys: [String]

    /// Creates the requirement.
    public init(_ keys: [String]) {
        self.keys = keys
    }

    /// One problem per key that is unset or empty, in the order of `keys`.
    public func unmet(in loaded: LoadedEnvironment) -> [Problem] {
        keys.compactMap { key in
            if let entry = loaded.resolution.entries.first(where: { $0.key == key }) {
                guard entry.value.isEmpty else { return nil }
                let message = "required key '\(key)' is empty"
                return Problem(
                    message: message,
                    diagnostic: Diagnostic(.error, path: entry.path, position: entry.position, message: message))
            }
            switch loaded.inherited.lookup(key) {
            case nil: return Problem(message: "required key '\(key)' is not set", diagnostic: nil)
            case ""?: return Problem(message: "required key '\(key)' is empty", diagnostic: nil)
            case _?: return nil
            }
        }
    }

    /// One error line per key that is unset or empty: a diagnostic at its definition when a file sets it empty.
    public func problems(in loaded: LoadedEnvironment) -> [String] {
        unmet(in: loaded).map(\.line)
    }
}
