/// The byte-level search behind `SecretShape`: one pass over a value, trying at each position only the shapes that can start there.
struct SecretScanner {
    private let bytes: [UInt8]

    private static let pemBegin = Array("-----BEGIN ".utf8)
    private static let pemDashes = Array("-----".utf8)
    private static let privateKey = Array("PRIVATE KEY".utf8)
    private static let awsLongTerm = Array("AKIA".utf8)
    private static let awsTemporary = Array("ASIA".utf8)
    private static let google = Array("AIza".utf8)
    private static let jwtStart = Array("eyJ".utf8)
    private static let schemeSeparator = Array("://".utf8)
    /// The token prefixes as bytes, in `SecretShape.tokenPrefixes` order.
    private static let tokenPrefixBytes = SecretShape.tokenPrefixes.map { Array($0.prefix.utf8) }
    /// For each byte, whether some token prefix starts with it.
    private static let startsTokenPrefix: [Bool] = (0...255).map { byte in
        tokenPrefixBytes.contains { $0.first == UInt8(byte) }
    }

    /// Scans `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The shapes found, each once, in `SecretShape`'s declaration order.
    func shapes() -> [SecretShape] {
        var pem = false, aws = false, google = false, jwt = false, url = false
        var token: SecretShape.TokenPrefix?
        var index = 0
        while index < bytes.count {
            let previous: UInt8? = index > 0 ? bytes[index - 1] : nil
            switch bytes[index] {
            case UInt8(ascii: "-"):
                pem = pem || startsPEMPrivateKey(at: index)
            case UInt8(ascii: "A"):
                aws = aws || startsAWSAccessKeyID(at: index, after: previous)
                google = google || startsGoogleAPIKey(at: index, after: previous)
            case UInt8(ascii: "e"):
                jwt = jwt || startsJSONWebToken(at: index, after: previous)
            case UInt8(ascii: ":"):
                url = url || hasPasswordInURL(separatedAt: index)
            default:
                break
            }
            if token == nil, Self.startsTokenPrefix[Int(bytes[index])], !(previous.map(Self.isTokenByte) ?? false) {
                token = tokenPrefix(at: index)
            }
            index += 1
        }
        var found: [SecretShape] = []
        if pem { found.append(.pemPrivateKey) }
        if aws { found.append(.awsAccessKeyID) }
        if google { found.append(.googleAPIKey) }
        if jwt { found.append(.jsonWebToken) }
        if let token { found.append(.tokenPrefix(token.prefix)) }
        if url { found.append(.passwordInURL) }
        return found
    }

    /// `-----BEGIN <label>-----` whose label (`[A-Z0-9 ]`) contains `PRIVATE KEY`.
    private func startsPEMPrivateKey(at start: Int) -> Bool {
        guard matches(Self.pemBegin, at: start) else { return false }
        let labelStart = start + Self.pemBegin.count
        var end = labelStart
        while end < bytes.count, Self.isUpperOrDigit(bytes[end]) || bytes[end] == UInt8(ascii: " ") { end += 1 }
        guard matches(Self.pemDashes, at: end) else { return false }
        return (labelStart..<end).contains { matches(Self.privateKey, at: $0, before: end) }
    }

    /// `AKIA` or `ASIA`, then exactly 16 of `[0-9A-Z]`, with no letter or digit on either side.
    private func startsAWSAccessKeyID(at start: Int, after previous: UInt8?) -> Bool {
        let end = start + 20
        guard !(previous.map(Self.isAlphanumeric) ?? false), matches(Self.awsLongTerm, at: start) || matches(Self.awsTemporary, at: start),
              end <= bytes.count
        else { return false }
        return bytes[start + 4..<end].allSatisfy(Self.isUpperOrDigit) && (end == bytes.count || !Self.isAlphanumeric(bytes[end]))
    }

    /// `AIza`, then exactly 35 of `[0-9A-Za-z_-]`, with no such character on either side.
    private func startsGoogleAPIKey(at start: Int, after previous: UInt8?) -> Bool {
        !(previous.map(Self.isTokenByte) ?? false) && matches(Self.google, at: start) && tokenRun(from: start + 4) == 35
    }

    /// `eyJ` starting a base64url run of at least 10, then `.`, a run of at least 1, `.`, and a run (possibly empty).
    ///
    /// Ten characters is the shortest header that decodes to a JSON object with
    /// a member (`{"a":1}`); the signature may be empty (an unsecured token
    /// still carries its claims); further parts (an encrypted token) may follow.
    private func startsJSONWebToken(at start: Int, after previous: UInt8?) -> Bool {
        let dot = UInt8(ascii: ".")
        guard !(previous.map { Self.isTokenByte($0) || $0 == dot } ?? false), matches(Self.jwtStart, at: start) else { return false }
        let firstDot = start + tokenRun(from: start)
        guard firstDot - start >= 10, firstDot < bytes.count, bytes[firstDot] == dot else { return false }
        let secondDot = firstDot + 1 + tokenRun(from: firstDot + 1)
        return secondDot > firstDot + 1 && secondDot < bytes.count && bytes[secondDot] == dot
    }

    /// The first of `SecretShape.tokenPrefixes` at `start` followed by enough token characters.
    private func tokenPrefix(at start: Int) -> SecretShape.TokenPrefix? {
        SecretShape.tokenPrefixes.indices.first { index in
            let prefix = Self.tokenPrefixBytes[index]
            return matches(prefix, at: start)
                && tokenRun(from: start + prefix.count) >= SecretShape.tokenPrefixes[index].minimumLength
        }.map { SecretShape.tokenPrefixes[$0] }
    }

    /// At `://`: a scheme before it (a letter, then `[A-Za-z0-9+.-]`) and an authority after it whose user information has a non-empty password.
    ///
    /// The authority ends at the first `/`, `?`, `#` or blank; the user
    /// information is what precedes its last `@`; the password follows the
    /// first `:` in it. `redis://:pw@host` has one; `https://host:8443/` and
    /// `https://user@host` have none.
    private func hasPasswordInURL(separatedAt separator: Int) -> Bool {
        guard matches(Self.schemeSeparator, at: separator) else { return false }
        var schemeStart = separator
        while schemeStart > 0, Self.isSchemeByte(bytes[schemeStart - 1]) { schemeStart -= 1 }
        guard schemeStart < separator, Self.isLetter(bytes[schemeStart]) else { return false }
        let authorityStart = separator + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, !Self.endsAuthority(bytes[authorityEnd]) { authorityEnd += 1 }
        let authority = bytes[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: UInt8(ascii: "@")),
              let colon = authority[..<at].firstIndex(of: UInt8(ascii: ":"))
        else { return false }
        return colon + 1 < at
    }

    /// Whether `text` stands at `start`, ending no later than `end`.
    private func matches(_ text: [UInt8], at start: Int, before end: Int? = nil) -> Bool {
        guard start + text.count <= (end ?? bytes.count) else { return false }
        return bytes[start..<start + text.count].elementsEqual(text)
    }

    /// How many token characters (`[A-Za-z0-9_-]`, also base64url) follow from `start`.
    private func tokenRun(from start: Int) -> Int {
        var end = start
        while end < bytes.count, Self.isTokenByte(bytes[end]) { end += 1 }
        return end - start
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isUpperOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || isDigit(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: " "), UInt8(ascii: "\t"),
             UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            true
        default:
            false
        }
    }
}
