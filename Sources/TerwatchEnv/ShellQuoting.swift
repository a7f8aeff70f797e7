/// Writes `export KEY='value'` lines that POSIX `sh` reads back, via `eval` or `.`, to the exact values.
///
/// Every value goes in single quotes, inside which `sh` takes every byte literally
/// (line breaks, CR, `$`, backslashes, backticks); a `'` in the value closes the
/// quotes, adds an escaped quote and reopens them: `'it'\''s'`.
public enum ShellQuoting {
    /// Whether `key` is a portable shell variable name (`[A-Za-z_][A-Za-z0-9_]*`), the only kind `export` takes.
    public static func isPortableName(_ key: String) -> Bool {
        guard let first = key.utf8.first, isNameStart(first) else { return false }
        return key.utf8.allSatisfy { isNameStart($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }

    /// `value` as one single-quoted shell word that stands for exactly `value`.
    public static func quote(_ value: String) -> String {
        var word = "'"
        for character in value.unicodeScalars {
            if character == "'" {
                word += "'\\''"
            } else {
                word.unicodeScalars.append(character)
            }
        }
        word += "'"
        return word
    }

    /// The line `export KEY='value'` (no line break), or nil when `key` is not a portable shell name.
    public static func export(key: String, value: String) -> String? {
        guard isPortableName(key) else { return nil }
        return "export \(key)=\(quote(value))"
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_")
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }
}
