/// The cursor and results of one parse: the state every parsing step shares.
struct ParseSession {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let limits: ParseLimits
    let expands: Bool
    /// What ends the plain run of an unquoted value: a line end, an escape, a comment, a reference.
    let unquotedStops: StopBytes
    /// What ends the plain run of a double-quoted value.
    let doubleQuotedStops: StopBytes
    /// What ends a line.
    let lineEndStops = StopBytes(ASCII.lf)

    /// The next byte to read.
    var offset = 0
    /// Where reading stops; lowered temporarily to scan one heredoc body line.
    var end: Int
    /// The 1-based number of the line `offset` is on.
    var line = 1
    /// The offset of the first byte of that line.
    var lineStart = 0
    /// A column already counted on the current line, so positions on long lines stay cheap.
    var columnMark = (offset: 0, column: 1)

    /// The entries found so far, as byte ranges into `bytes` and assembled text.
    var output: CompactFileBuilder
    var diagnostics: [Diagnostic] = []
    /// Set once the key limit is reached; parsing stops.
    var stopped = false

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, limits: ParseLimits, expands: Bool) {
        self.bytes = bytes
        self.path = path
        self.limits = limits
        self.expands = expands
        self.end = bytes.count
        // Without expansion a `$` is plain text; repeating another stop byte leaves it out.
        let dollar = expands ? ASCII.dollar : ASCII.lf
        unquotedStops = StopBytes(ASCII.lf, ASCII.cr, ASCII.backslash, ASCII.hash, dollar)
        doubleQuotedStops = StopBytes(ASCII.doubleQuote, ASCII.backslash, ASCII.lf, ASCII.cr, dollar)
        output = CompactFileBuilder(sourceCount: bytes.count)
        // Rough sizes for typical files, so the arrays rarely grow (and copy) while parsing.
        output.records.reserveCapacity(bytes.count / 32 + 16)
        output.assembled.reserveCapacity(bytes.count / 4 + 64)
        output.parts.reserveCapacity(bytes.count / 32 + 16)
        output.reserveReferences(bytes.count / 64 + 16)
    }

    /// Diagnostics by position (errors found in passes other than the main scan included).
    func sortedDiagnostics() -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }
        var sorted = diagnostics
        // A stable sort keeps same-position diagnostics in the order they were found.
        sorted = sorted.enumerated().sorted { lhs, rhs in
            lhs.element.position != rhs.element.position
                ? lhs.element.position < rhs.element.position
                : lhs.offset < rhs.offset
        }.map(\.element)
        return sorted
    }

    // MARK: Reading

    /// The byte at `offset + ahead`, or nil past the end.
    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8? {
        let index = offset + ahead
        return index < end ? bytes[index] : nil
    }

    /// Whether the cursor is at a line break (LF or CRLF) or at the end.
    @inline(__always) func atLineEnd() -> Bool {
        guard offset < end else { return true }
        let byte = bytes[offset]
        return byte == ASCII.lf || (byte == ASCII.cr && offset + 1 < end && bytes[offset + 1] == ASCII.lf)
    }

    /// Consumes the line break (LF or CRLF) under the cursor and starts the next line.
    @inline(__always) mutating func consumeLineBreak() {
        if offset < end && bytes[offset] == ASCII.cr { offset += 1 }
        if offset < end && bytes[offset] == ASCII.lf {
            offset += 1
            startLine(at: offset)
        }
    }

    /// Records that a new line begins at `start`.
    @inline(__always) mutating func startLine(at start: Int) {
        line += 1
        lineStart = start
        columnMark = (start, 1)
    }

    /// Skips spaces and tabs; returns how many were skipped.
    @discardableResult
    @inline(__always) mutating func skipBlanks() -> Int {
        let start = offset
        while offset < end && ASCII.isBlank(bytes[offset]) { offset += 1 }
        return offset - start
    }

    /// Moves to the start of the next line, past whatever is left of this one.
    mutating func skipRestOfLine() {
        offset = firstIndex(from: offset, of: lineEndStops)
        consumeLineBreak()
    }

    /// The text of `bytes[range]`.
    @inline(__always) func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `bytes[range]` as a compact file's text range.
    @inline(__always) func textRange(_ range: Range<Int>) -> TextRange {
        TextRange(start: range.lowerBound, count: range.count)
    }

    /// The `NameBytes.hash` of `bytes[range]`.
    @inline(__always) func nameHash(_ range: Range<Int>) -> Int {
        NameBytes.hash(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    // MARK: Positions and diagnostics

    /// The position of `target`, which must be on the current line.
    mutating func position(of target: Int) -> SourcePosition {
        var (from, column) = columnMark
        if target < from { (from, column) = (lineStart, 1) }
        var index = from
        if let base = bytes.baseAddress {
            // Eight ASCII bytes at a time: each is one column.
            let raw = UnsafeRawPointer(base)
            while index + 8 <= target && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                column += 8
                index += 8
            }
        }
        while index < target {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnMark = (target, column)
        return SourcePosition(line: line, column: column)
    }

    /// The position of the cursor.
    mutating func currentPosition() -> SourcePosition {
        position(of: offset)
    }

    /// The position of a saved cursor, counted afresh (for errors found after moving on).
    func position(of checkpoint: Checkpoint) -> SourcePosition {
        var column = 1
        for index in checkpoint.lineStart..<checkpoint.offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: checkpoint.line, column: column)
    }

    /// Records an error.
    mutating func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.error, path: path, position: position, message: message))
    }

    /// Records a warning.
    mutating func warning(_ message: String, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.warning, path: path, position: position, message: message))
    }

    /// The character at `offset` quoted for a message: `'x'`, or a name for invisible ones.
    func describeCharacter(at index: Int) -> String {
        guard index < end else { return "end of file" }
        switch bytes[index] {
        case ASCII.lf, ASCII.cr: return "end of line"
        case ASCII.tab: return "a tab"
        case ASCII.space: return "a space"
        default:
            var stop = index + 1
            while stop < end && bytes[stop] & 0xC0 == 0x80 && stop - index < 4 { stop += 1 }
            return "'\(string(index..<stop))'"
        }
    }
}
