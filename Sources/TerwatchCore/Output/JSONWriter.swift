/// Writes `JSONValue`s as compact JSON text: no blanks, members in order, non-ASCII as is.
public enum JSONWriter {
    /// `value` as one line of JSON, without a line break.
    public static func write(_ value: JSONValue) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    /// `string` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func quote(_ string: String) -> String {
        var text = ""
        quote(string, into: &text)
        return text
    }

    private static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .string(let string):
            quote(string, into: &text)
        case .integer(let number):
            text += String(number)
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .null:
            text += "null"
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                quote(member.key, into: &text)
                text += ":"
                write(member.value, into: &text)
            }
            text += "}"
        }
    }

    private static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
