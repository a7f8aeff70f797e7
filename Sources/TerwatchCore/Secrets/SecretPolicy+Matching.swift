/// Matching ASCII names against the default pattern without a regular expression.
extension SecretPolicy {
    /// Every string the default pattern matches in an ASCII name, upper-cased: the pattern is an alternation of these, with `_?` spelled out.
    static let defaultPatternLiterals: [[UInt8]] = {
        let words = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "PRIVATE", "CREDENTIAL", "DSN"]
        let keyPrefixes = ["API", "ACCESS", "AUTH", "SESSION", "SIGNING", "ENCRYPTION", "MASTER"]
        return (words + keyPrefixes.flatMap { [$0 + "KEY", $0 + "_KEY"] }).map { Array($0.utf8) }
    }()

    /// Whether the ASCII name `key` holds a match of `defaultPattern` (case-insensitively); nil when `key` is not ASCII, which only the expression can tell.
    static func asciiMatchesDefaultPattern(_ key: String) -> Bool? {
        var upper: [UInt8] = []
        upper.reserveCapacity(key.utf8.count)
        for byte in key.utf8 {
            guard byte < 0x80 else { return nil }
            upper.append((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte)
        }
        return defaultPatternLiterals.contains { literal in
            upper.count >= literal.count
                && (0...(upper.count - literal.count)).contains { upper[$0..<$0 + literal.count].elementsEqual(literal) }
        }
    }
}
