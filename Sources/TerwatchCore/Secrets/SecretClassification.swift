/// Which keys of a load are secret, and why: by name, by origin, by the shape of their value.
public struct SecretClassification: Hashable, Sendable {
    /// A secret key and every reason it is secret.
    public struct Secret: Hashable, Sendable {
        /// The key.
        public let key: String
        /// Why it is secret: name reasons, then origin, then value shapes.
        public let reasons: [SecretReason]

        /// Creates a secret.
        public init(key: String, reasons: [SecretReason]) {
            self.key = key
            self.reasons = reasons
        }

        /// `secret DB_URL (password in URL)`: the key and its reasons, never its value.
        public var description: String {
            "secret \(key) (\(reasons.map(\.description).joined(separator: "; ")))"
        }
    }

    /// The secret keys, in the order of the load's keys.
    public let secrets: [Secret]
    private let keys: Set<String>

    /// Creates a classification from its secrets.
    public init(secrets: [Secret]) {
        self.secrets = secrets
        keys = Set(secrets.map(\.key))
    }

    /// Whether the value of `key` is secret.
    public func isSecret(_ key: String) -> Bool {
        keys.contains(key)
    }

    /// `value` as it may be shown: itself, or the placeholder when `key` is secret and secrets stay hidden.
    public func shown(_ value: String, of key: String, showingSecrets: Bool) -> String {
        showingSecrets || !isSecret(key) ? value : SecretPolicy.placeholder
    }
}
