/// A kind of credential recognised by its value alone, whatever the key is called.
///
/// Each shape is looked for anywhere in a value, as a whole token: not
/// preceded (nor, where the shape has a fixed length, followed) by a letter,
/// digit or other character the token is made of. `SecretScanner` has the
/// exact rules.
public enum SecretShape: Hashable, Sendable, CustomStringConvertible {
    /// A PEM block whose label ends in `PRIVATE KEY` (`-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN PGP PRIVATE KEY BLOCK-----`…).
    case pemPrivateKey
    /// An AWS access key id: `AKIA` (long-term) or `ASIA` (temporary) and 16 of `[0-9A-Z]`.
    case awsAccessKeyID
    /// A Google API key: `AIza` and 35 of `[0-9A-Za-z_-]`.
    case googleAPIKey
    /// A JSON Web Token: three or more base64url parts joined by `.`, the first starting `eyJ` and at least 10 long.
    case jsonWebToken
    /// A token with a vendor's well-known prefix (`ghp_`, `xoxb-`, `sk_live_`…; see `tokenPrefixes`).
    case tokenPrefix(String)
    /// A URL with a password in its user information: `scheme://user:password@host`.
    case passwordInURL

    /// A vendor's token prefix and the fewest token characters (`[A-Za-z0-9_-]`) that must follow it.
    public struct TokenPrefix: Hashable, Sendable {
        /// The prefix.
        public let prefix: String
        /// Who issues such tokens.
        public let vendor: String
        /// The fewest token characters after the prefix.
        public let minimumLength: Int
    }

    /// The token prefixes recognised, longest first where one starts another.
    public static let tokenPrefixes: [TokenPrefix] = [
        ("github_pat_", "GitHub", 16), ("ghp_", "GitHub", 16), ("gho_", "GitHub", 16), ("ghu_", "GitHub", 16),
        ("ghs_", "GitHub", 16), ("ghr_", "GitHub", 16), ("glpat-", "GitLab", 16),
        ("xoxb-", "Slack", 16), ("xoxp-", "Slack", 16), ("xoxa-", "Slack", 16), ("xoxr-", "Slack", 16),
        ("xoxs-", "Slack", 16), ("xapp-", "Slack", 16),
        ("sk_live_", "Stripe", 16), ("rk_live_", "Stripe", 16), ("sk_test_", "Stripe", 16), ("rk_test_", "Stripe", 16),
        ("whsec_", "Stripe", 16),
        ("sk-", "OpenAI or Anthropic", 32),
        ("npm_", "npm", 16), ("pypi-", "PyPI", 16), ("hf_", "Hugging Face", 16),
        ("shpat_", "Shopify", 16), ("shpss_", "Shopify", 16), ("shpca_", "Shopify", 16), ("shppa_", "Shopify", 16),
        ("dop_v1_", "DigitalOcean", 16),
    ].map { TokenPrefix(prefix: $0.0, vendor: $0.1, minimumLength: $0.2) }

    /// The shapes found in `value`, each once, in declaration order (for token prefixes, the leftmost).
    public static func shapes(in value: String) -> [SecretShape] {
        SecretScanner(Array(value.utf8)).shapes()
    }

    /// What `check -v` says: `PEM private key`, `GitHub token prefix 'ghp_'`, `password in URL`…
    public var description: String {
        switch self {
        case .pemPrivateKey: "PEM private key"
        case .awsAccessKeyID: "AWS access key id"
        case .googleAPIKey: "Google API key"
        case .jsonWebToken: "JSON web token"
        case .tokenPrefix(let prefix):
            "\(Self.tokenPrefixes.first { $0.prefix == prefix }?.vendor ?? "known") token prefix '\(prefix)'"
        case .passwordInURL: "password in URL"
        }
    }
}
