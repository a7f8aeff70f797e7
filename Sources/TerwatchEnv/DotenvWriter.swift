/// Writes values as canonical dotenv text that parses back to exactly the same values.
public enum DotenvWriter {
    /// The definition of `key` (one line, or a heredoc block), without a final line break.
    public static func definition(key: String, value: String) -> String {
        "\(key)=\(value)"
    }

    /// Every pair as a definition, each followed by a line break.
    public static func write(_ pairs: [(key: String, value: String)]) -> String {
        var text = ""
        for pair in pairs {
            text += definition(key: pair.key, value: pair.value)
            text += "\n"
        }
        return text
    }
}
