/// Matching names against the patterns, with a fast first look for the default one.
extension SecretPolicy {
    /// Words of which every match of `defaultPattern` holds at least one (compared ASCII-case-insensitively).
    ///
    /// `PASSWORD`, `PASSWD` and `PASSPHRASE` hold `PASS`; every `…KEY`
    /// alternative holds `KEY`; the rest are words of their own. A name with
    /// none of them cannot match, so the (slow) regular expression runs only
    /// on the few names that might.
    static let defaultPatternWords = ["PASS", "SECRET", "TOKEN", "KEY", "PRIVATE", "CREDENTIAL", "DSN"].map { Array($0.utf8) }

    /// Whether `key` matches pattern number `index` of `patterns` (0 is the default one).
    func matches(_ key: String, patternAt index: Int) -> Bool {
        if index == 0, !Self.mayMatchDefaultPattern(key) { return false }
        return key.firstMatch(of: patterns[index]) != nil
    }

    /// Whether `key` holds one of `defaultPatternWords`, or anything but ASCII (then only the expression can tell).
    static func mayMatchDefaultPattern(_ key: String) -> Bool {
        let upper = key.utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }
        guard upper.allSatisfy({ $0 < 0x80 }) else { return true }
        return defaultPatternWords.contains { word in
            upper.count >= word.count
                && (0...(upper.count - word.count)).contains { upper[$0..<$0 + word.count].elementsEqual(word) }
        }
    }
}
