extension Redactor {
    /// What is searched for to hide `secret`: the value, or its URL password; and each long line of it.
    static func searchTerms(for secret: String) -> [String] {
        var terms: [String] = []
        if let password = urlPassword(in: secret), password.utf8.count >= minimumLength {
            terms.append(String(password))
            if let decoded = percentDecoded(password), decoded != password { terms.append(decoded) }
        } else {
            terms.append(secret)
        }
        if secret.utf8.contains(UInt8(ascii: "\n")) {
            for line in secret.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                let trimmed = trimmingBlanks(line)
                if trimmed.utf8.count >= minimumLineLength && !isPEMArmor(trimmed) { terms.append(String(trimmed)) }
            }
        }
        return terms.filter { $0.utf8.count >= minimumLength }
    }

    /// The password of `scheme://user:password@host…`, if `text` is such a URL with a non-empty password.
    static func urlPassword(in text: String) -> Substring? {
        guard let separator = text.firstRange(of: "://"), isScheme(text[..<separator.lowerBound]) else { return nil }
        let rest = text[separator.upperBound...]
        let authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return nil }
        let password = authority[authority.index(after: colon)..<at]
        return password.isEmpty ? nil : password
    }

    /// Whether `text` is a URL scheme: a letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        let letter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let digit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard let first = text.utf8.first, letter(first) else { return false }
        return text.utf8.allSatisfy { letter($0) || digit($0) || "+-.".utf8.contains($0) }
    }

    /// `text` with `%XX` escapes decoded; nil when an escape is malformed or the result is not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `line` without leading and trailing spaces, tabs and carriage returns.
    private static func trimmingBlanks(_ line: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = line.firstIndex(where: { !blank($0) }), let end = line.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return line[start...end]
    }

    /// Whether `line` is a PEM boundary such as `-----BEGIN PRIVATE KEY-----`, which is not secret.
    private static func isPEMArmor(_ line: Substring) -> Bool {
        (line.hasPrefix("-----BEGIN ") || line.hasPrefix("-----END ")) && line.hasSuffix("-----")
    }
}
