/// Writes values as canonical dotenv text that parses back to exactly the same values.
public enum DotenvWriter {
    /// The forms a value can be written in, simplest first.
    enum Form: Equatable {
        case bare
        case singleQuoted
        case heredoc(delimiter: String)
        case doubleQuoted
    }

    /// The definition of `key` (one line, or a heredoc block), without a final line break.
    public static func definition(key: String, value: String) -> String {
        switch form(of: value) {
        case .bare:
            return "\(key)=\(value)"
        case .singleQuoted:
            return "\(key)='\(value)'"
        case .heredoc(let delimiter):
            return "\(key)=<<'\(delimiter)'\n\(value)\n\(delimiter)"
        case .doubleQuoted:
            return "\(key)=\"\(escapedForDoubleQuotes(value))\""
        }
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

    /// The simplest form that reads back as `value` with expansion on.
    static func form(of value: String) -> Form {
        var hasLineBreak = false
        var hasCarriageReturn = false
        var hasSingleQuote = false
        var needsQuotes = false
        for byte in value.utf8 {
            switch byte {
            case ASCII.lf: hasLineBreak = true
            case ASCII.cr: hasCarriageReturn = true
            case ASCII.singleQuote: hasSingleQuote = true; needsQuotes = true
            case ASCII.doubleQuote, ASCII.backtick, ASCII.dollar, ASCII.backslash, ASCII.hash: needsQuotes = true
            default: break
            }
        }
        let utf8 = value.utf8
        let blankAtEnds = utf8.first.map(ASCII.isBlank) == true || utf8.last.map(ASCII.isBlank) == true
        let startsLikeHeredoc = utf8.starts(with: [ASCII.lessThan, ASCII.lessThan])
        if !needsQuotes && !hasLineBreak && !hasCarriageReturn && !blankAtEnds && !startsLikeHeredoc {
            return .bare
        }
        if !hasSingleQuote && !hasLineBreak && !hasCarriageReturn {
            return .singleQuoted
        }
        if hasLineBreak && !hasCarriageReturn {
            return .heredoc(delimiter: heredocDelimiter(for: value))
        }
        return .doubleQuoted
    }

    /// `EOF`, or `EOF1`, `EOF2`… when a body line would end the heredoc early.
    static func heredocDelimiter(for value: String) -> String {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var trimmed = Substring(line)
            while let last = trimmed.utf8.last, ASCII.isBlank(last) { trimmed = trimmed.dropLast() }
            return trimmed
        }
        var delimiter = "EOF"
        var counter = 0
        while lines.contains(where: { $0 == delimiter }) {
            counter += 1
            delimiter = "EOF\(counter)"
        }
        return delimiter
    }

    /// `value` with `\`, `"`, `$`, CR and LF escaped for a double-quoted value.
    static func escapedForDoubleQuotes(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case ASCII.backslash, ASCII.doubleQuote, ASCII.dollar:
                bytes.append(ASCII.backslash)
                bytes.append(byte)
            case ASCII.cr:
                bytes.append(contentsOf: [ASCII.backslash, 0x72])
            case ASCII.lf:
                bytes.append(contentsOf: [ASCII.backslash, 0x6E])
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
