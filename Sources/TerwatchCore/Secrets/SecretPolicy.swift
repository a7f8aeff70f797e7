/// Decides by a key's name whether its value is secret, and hides secret values.
///
/// A key is secret when it is named with `--secret`, or when its name matches
/// the default pattern or any `--secret-pattern` (patterns add to the default;
/// they are unanchored, so `TOKEN` matches `GITHUB_TOKEN_RO`). Not `Sendable`,
/// because the standard library's `Regex` is not.
///
/// Matching a `Regex` costs tens of microseconds a key, and an agent asks
/// about the same keys at every reload, so each key's pattern verdict is
/// remembered (for up to `rememberedKeys` keys; copies of a policy share
/// what they remember).
public struct SecretPolicy {
    /// What a hidden value is shown as.
    public static let placeholder = "<redacted>"

    /// The default pattern, matched case-insensitively anywhere in a key's name.
    public static let defaultPattern =
        "PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL"
        + "|(AUTH|SESSION|SIGNING|ENCRYPTION|MASTER)_?KEY|DSN"

    /// Keys that are secret whatever their name.
    public var keys: Set<String>
    /// The extra patterns, as given.
    public let extraPatterns: [String]
    /// The default pattern, then the extra ones.
    private(set) var patterns: [Regex<AnyRegexOutput>]
    private let verdicts = PatternVerdicts()

    /// How many keys' pattern verdicts are remembered before they are all forgotten.
    public static let rememberedKeys = 10_000

    /// Creates a policy from explicit keys and extra patterns (Swift `Regex` syntax).
    public init(keys: [String] = [], patterns: [String] = []) throws(InvalidSecretPattern) {
        self.keys = Set(keys)
        extraPatterns = patterns
        self.patterns = [try! Regex(Self.defaultPattern).ignoresCase()]
        for pattern in patterns {
            do {
                self.patterns.append(try Regex(pattern))
            } catch {
                throw InvalidSecretPattern(pattern: pattern, reason: "\(error)")
            }
        }
    }

    /// Whether the value of `key` is secret.
    public func isSecret(_ key: String) -> Bool {
        keys.contains(key) || verdicts.verdict(for: key) { key in patterns.indices.contains { matches(key, patternAt: $0) } }
    }

    /// `value` as it may be shown: itself, or the placeholder when `key` is secret and secrets stay hidden.
    public func shown(_ value: String, of key: String, showingSecrets: Bool) -> String {
        showingSecrets || !isSecret(key) ? value : Self.placeholder
    }
}

/// Whether each key matched the patterns, as found so far.
private final class PatternVerdicts {
    private var known: [String: Bool] = [:]

    /// The remembered verdict for `key`, or `match(key)`, remembered.
    func verdict(for key: String, match: (String) -> Bool) -> Bool {
        if let verdict = known[key] { return verdict }
        let verdict = match(key)
        if known.count >= SecretPolicy.rememberedKeys { known.removeAll() }
        known[key] = verdict
        return verdict
    }
}

/// A `--secret-pattern` that is not a valid regular expression.
public struct InvalidSecretPattern: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// Why it is invalid.
    public var reason: String

    /// `invalid secret pattern '(': …`.
    public var description: String { "invalid secret pattern '\(pattern)': \(reason)" }
}
