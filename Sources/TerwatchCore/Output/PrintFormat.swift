import TerwatchEnv

/// The output formats of `terwatch print`.
public enum PrintFormat: String, CaseIterable, Hashable, Sendable {
    /// Canonical dotenv (`DotenvWriter`) that parses back to the same values.
    case env
    /// One JSON object on one line, keys in source order, values as strings.
    case json
    /// `export KEY='value'` lines for `eval` in sh (`ShellQuoting`).
    case shell

    /// `pairs` in this format, and the keys it had to leave out (not shell names, in `shell`).
    public func render(_ pairs: [(key: String, value: String)]) -> (text: String, leftOut: [String]) {
        switch self {
        case .env:
            return (DotenvWriter.write(pairs), [])
        case .json:
            return (JSONWriter.write(.strings(pairs)) + "\n", [])
        case .shell:
            var text = ""
            var leftOut: [String] = []
            for pair in pairs {
                if let line = ShellQuoting.export(key: pair.key, value: pair.value) {
                    text += line + "\n"
                } else {
                    leftOut.append(pair.key)
                }
            }
            return (text, leftOut)
        }
    }
}
