/// Decides by a key's name whether its value is secret, and hides secret values.
///
/// A key is secret when it is named with `--secret`, or when its name matches
/// the default pattern or any `--secret-pattern` (patterns add to the default;
/// they are unanchored, so `TOKEN` matches `GITHUB_TOKEN_RO`). Not `Sendable`,
/// because the standard library's `Regex` is not.
///
/// Matching a `Regex` costs tens of microseconds a key, and an agent asks
/// about the same keys at every reload, so the patterns each key matches are
/// remembered (for up to `rememberedKeys` keys; copies of a policy share
/// what they remember). The default pattern is matched without a `Regex`
/// for ASCII names (all a parsed file has); its expression is compiled, on
/// first use, only for other names: compiling it took a tenth of the start
/// of every command.
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
    /// The extra patterns, compiled.
    private let extraExpressions: [Regex<AnyRegexOutput>]
    /// The default pattern's expression, for names that are not ASCII.
    let defaultExpression = DefaultExpression()
    private let matchesByKey = PatternMatches()

    /// How many keys' pattern matches are remembered before they are all forgotten.
    public static let rememberedKeys = 10_000

    /// Creates a policy from explicit keys and extra patterns (Swift `Regex` syntax).
    public init(keys: [String] = [], patterns: [String] = []) throws(InvalidSecretPattern) {
        self.keys = Set(keys)
        extraPatterns = patterns
        var expressions: [Regex<AnyRegexOutput>] = []
        for pattern in patterns {
            do {
                expressions.append(try Regex(pattern))
            } catch {
                throw InvalidSecretPattern(pattern: pattern, reason: "\(error)")
            }
        }
        extraExpressions = expressions
    }

    /// Whether the value of `key` is secret.
    public func isSecret(_ key: String) -> Bool {
        keys.contains(key) || !matchingPatterns(key).isEmpty
    }

    /// The indices of the patterns `key` matches, in order: 0 for the default one, then 1… for the extra ones.
    func matchingPatterns(_ key: String) -> [Int] {
        matchesByKey.indices(for: key) { key in (0...extraExpressions.count).filter { matches(key, patternAt: $0) } }
    }

    /// Whether `key` matches pattern number `index` (0 is the default one).
    func matches(_ key: String, patternAt index: Int) -> Bool {
        guard index > 0 else {
            return Self.asciiMatchesDefaultPattern(key) ?? (key.firstMatch(of: defaultExpression.regex) != nil)
        }
        return key.firstMatch(of: extraExpressions[index - 1]) != nil
    }
}

/// The default pattern compiled, case-insensitively, the first time a name needs it.
final class DefaultExpression {
    /// The expression.
    private(set) lazy var regex: Regex<AnyRegexOutput> = try! Regex(SecretPolicy.defaultPattern).ignoresCase()
}

/// The patterns each key matched, as found so far.
private final class PatternMatches {
    private var known: [String: [Int]] = [:]

    /// The remembered indices for `key`, or `find(key)`, remembered.
    func indices(for key: String, find: (String) -> [Int]) -> [Int] {
        if let indices = known[key] { return indices }
        let indices = find(key)
        if known.count >= SecretPolicy.rememberedKeys { known.removeAll() }
        known[key] = indices
        return indices
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
