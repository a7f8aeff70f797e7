/// Replaces every known secret value in a text with a placeholder (`<redacted>`) or a fingerprint.
///
/// The redactor is the safety net for text terwatch does not write itself:
/// hook output, a child's or library's error messages, anything that might
/// echo a value. It is built from the current *and* previous generation's
/// secret values, and the agent adds the ones it retired (`RetiredSecrets`):
/// an old value may still show up in what an old child or a slow hook
/// prints. Terwatch's own code never formats a secret key's value
/// into text in the first place (placeholders, fingerprints): the net cannot
/// catch every value, by design:
///
/// * A value shorter than `minimumLength` (4) bytes is not searched for:
///   replacing every `1`, `on` or `abc` would make the logs unreadable while
///   hiding next to nothing.
/// * A URL with a password in its user information
///   (`postgres://app:s3cret@db/app`) is searched for by the password only
///   (and its percent-decoded form), so the log still names the host and
///   user; if that password is too short, the whole URL is searched for.
/// * A value of several lines is also searched for line by line: every line
///   of at least `minimumLineLength` (16) bytes, blanks trimmed, except PEM
///   armor (`-----BEGIN …-----`, `-----END …-----`), so a hook that prints
///   one line of a private key is redacted too. Shorter lines (the tail of a
///   key) are not.
/// * Where text was cut short and the cut is marked `…` (a hook's output
///   tail, a long value shown in part), a piece of a value that touches the
///   mark — a value's end right after it, a value's start right before it —
///   is replaced too when it is at least `minimumLength` bytes long
///   (`Redactor+Cuts`).
///
/// Matching is by exact UTF-8 bytes (no Unicode normalization). Where
/// matches overlap or nest, the whole stretch they cover becomes one
/// replacement, so no fragment of any value shows; that replacement is the
/// one of the leftmost, longest match. The text is scanned once: values are
/// indexed by their first 8 (or 4) bytes, and a table of their first two
/// bytes skips most positions without a lookup.
public struct Redactor: Sendable {
    /// Values shorter than this many bytes are not searched for.
    public static let minimumLength = 4
    /// Lines of a multi-line value shorter than this many bytes are not searched for on their own.
    public static let minimumLineLength = 16

    let terms: [Term]
    /// Terms of 8 bytes or more by their first 8 bytes, longest first.
    private let byFirst8: [UInt64: [Int]]
    /// Terms of 4 to 7 bytes by their first 4 bytes, longest first.
    private let byFirst4: [UInt32: [Int]]
    /// One bit per two-byte pair that begins some term.
    private let openings: [UInt64]
    private let replacement: @Sendable (String) -> String

    /// A redactor for `secrets`; `replacement` gives what a found value becomes (default `<redacted>`).
    ///
    /// `replacement` receives the text that was found: the value, its URL
    /// password or one of its lines.
    public init(
        secrets: some Sequence<String>,
        replacement: @escaping @Sendable (String) -> String = { _ in SecretPolicy.placeholder }
    ) {
        var seen = Set<String>()
        var terms: [Term] = []
        for secret in secrets {
            for text in Self.searchTerms(for: secret) where seen.insert(text).inserted {
                terms.append(Term(text: text, bytes: Array(text.utf8)))
            }
        }
        var byFirst8: [UInt64: [Int]] = [:]
        var byFirst4: [UInt32: [Int]] = [:]
        var openings = [UInt64](repeating: 0, count: 65536 / 64)
        for index in terms.indices.sorted(by: { terms[$0].bytes.count > terms[$1].bytes.count }) {
            let bytes = terms[index].bytes
            bytes.withUnsafeBytes { raw in
                if raw.count >= 8 {
                    byFirst8[raw.loadUnaligned(as: UInt64.self), default: []].append(index)
                } else {
                    byFirst4[raw.loadUnaligned(as: UInt32.self), default: []].append(index)
                }
            }
            let pair = Int(bytes[0]) << 8 | Int(bytes[1])
            openings[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.terms = terms
        self.byFirst8 = byFirst8
        self.byFirst4 = byFirst4
        self.openings = openings
        self.replacement = replacement
    }

    /// Whether there is nothing to search for.
    public var isEmpty: Bool { terms.isEmpty }

    /// `text` with every stretch covered by a known value replaced.
    public func redact(_ text: String) -> String {
        guard !terms.isEmpty, text.utf8.count >= Self.minimumLength else { return text }
        var text = text
        return text.withUTF8 { redact($0) } ?? text
    }

    /// The redacted bytes as a string; nil when nothing was found.
    private func redact(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let raw = UnsafeRawBufferPointer(bytes)
        var output: [UInt8] = []
        var copied = 0
        var run: (start: Int, end: Int, term: Int)?
        let pieces = cutPieces(in: raw)
        var nextPiece = 0
        for position in 0...(bytes.count - Self.minimumLength) {
            var found: (end: Int, term: Int)?
            let pair = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            if openings[pair >> 6] & (1 << UInt64(pair & 63)) != 0, let term = longestMatch(at: position, in: raw) {
                found = (position + terms[term].bytes.count, term)
            }
            while nextPiece < pieces.count, pieces[nextPiece].start == position {
                let piece = pieces[nextPiece]
                if piece.end > found?.end ?? position { found = (piece.end, piece.term) }
                nextPiece += 1
            }
            guard let found else { continue }
            if let current = run, position < current.end {
                run = (current.start, max(current.end, found.end), current.term)
                continue
            }
            if let current = run {
                output.append(contentsOf: bytes[copied..<current.start])
                output.append(contentsOf: replacement(terms[current.term].text).utf8)
                copied = current.end
            }
            run = (position, found.end, found.term)
        }
        guard let last = run else { return nil }
        output.append(contentsOf: bytes[copied..<last.start])
        output.append(contentsOf: replacement(terms[last.term].text).utf8)
        output.append(contentsOf: bytes[last.end...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The index of the longest term found at `position`, if any.
    private func longestMatch(at position: Int, in text: UnsafeRawBufferPointer) -> Int? {
        let left = text.count - position
        if left >= 8, let bucket = byFirst8[text.loadUnaligned(fromByteOffset: position, as: UInt64.self)],
           let found = firstMatch(in: bucket, at: position, in: text, known: 8) {
            return found
        }
        guard let bucket = byFirst4[text.loadUnaligned(fromByteOffset: position, as: UInt32.self)] else { return nil }
        return firstMatch(in: bucket, at: position, in: text, known: 4)
    }

    /// The first term of `bucket` (longest first) whose bytes after the `known` ones also match at `position`.
    private func firstMatch(in bucket: [Int], at position: Int, in text: UnsafeRawBufferPointer, known: Int) -> Int? {
        let left = text.count - position
        for index in bucket {
            let bytes = terms[index].bytes
            guard bytes.count <= left else { continue }
            let matches = bytes.withUnsafeBytes { term in
                term[known...].elementsEqual(text[(position + known)..<(position + term.count)])
            }
            if matches { return index }
        }
        return nil
    }
}

extension Redactor {
    /// One text searched for, as a string (for the replacement) and as bytes.
    struct Term: Sendable {
        let text: String
        let bytes: [UInt8]
    }
}
