/// Line-level parsing: comments, `export`, keys, `=`, and dispatch on the value's first character.
extension ParseSession {
    /// Parses the whole buffer.
    mutating func run() {
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            offset = 3
            columnMark = (3, 1)
        }
        var validation = UTF8Validation()
        while offset < end && !stopped {
            // UTF-8 is checked a block ahead of the cursor, while those bytes are read anyway.
            if validation.checked < offset + Self.validationBlock / 2 {
                validation.check(bytes, upTo: offset + Self.validationBlock)
            }
            parseLine()
        }
        validation.check(bytes, upTo: bytes.count)
        reportInvalidUTF8(at: validation.invalidOffsets)
    }

    /// How far ahead of the cursor UTF-8 is checked: well within the CPU's data caches.
    private static let validationBlock = 32 << 10

    /// Reports every line holding invalid UTF-8, at the first bad byte, before the other diagnostics.
    private mutating func reportInvalidUTF8(at invalid: [Int]) {
        guard !invalid.isEmpty else { return }
        output.isValidUTF8 = false
        let others = diagnostics
        diagnostics = []
        line = 1
        lineStart = 0
        columnMark = (0, 1)
        var scanned = 0
        for badOffset in invalid {
            while scanned < badOffset {
                if bytes[scanned] == ASCII.lf { startLine(at: scanned + 1) }
                scanned += 1
            }
            error("invalid UTF-8 byte 0x\(hex(bytes[badOffset]))", at: position(of: badOffset))
        }
        diagnostics += others
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// Parses one logical line (an assignment may consume more than one physical line).
    mutating func parseLine() {
        skipBlanks()
        if atLineEnd() {
            if offset >= end { return }
            consumeLineBreak()
            return
        }
        if bytes[offset] == ASCII.hash {
            skipRestOfLine()
            return
        }
        parseAssignment()
    }

    /// Parses `[export ]KEY=VALUE`, a bare `KEY`, or reports why the line is neither.
    private mutating func parseAssignment() {
        skipExportKeyword()
        let keyStart = offset
        var portable = offset < end && ASCII.isNameStart(bytes[offset])
        var lowest = UInt8.max
        while offset < end && ASCII.isKeyCharacter(bytes[offset]) {
            lowest = min(lowest, bytes[offset])
            offset += 1
        }
        // `.` and `-` are the only key characters below `0`, and no shell name has them.
        if lowest < 0x30 { portable = false }
        let keyPosition = position(of: keyStart)
        guard offset > keyStart else {
            if bytes[offset] == ASCII.equals {
                error("missing key before '='", at: keyPosition)
            } else {
                error("invalid character \(describeCharacter(at: offset)) at the start of a key", at: keyPosition)
            }
            skipRestOfLine()
            return
        }
        let key = keyStart..<offset
        let blanksAfterKey = skipBlanks()
        if atLineEnd() || (blanksAfterKey > 0 && bytes[offset] == ASCII.hash) {
            addEntry(key, .inherited, .bare, keyPosition, portable: portable)
            skipRestOfLine()
            return
        }
        switch bytes[offset] {
        case ASCII.equals:
            offset += 1
        case ASCII.colon:
            let name = string(key)
            error("'\(name): …' is YAML syntax, not dotenv; write '\(name)=value'", at: currentPosition())
            skipRestOfLine()
            return
        default:
            let culprit = describeCharacter(at: offset)
            if blanksAfterKey > 0 {
                error("unexpected \(culprit) after key '\(string(key))'; expected '='", at: currentPosition())
            } else {
                var stop = offset
                while stop < end && !ASCII.isBlank(bytes[stop]) && bytes[stop] != ASCII.equals
                    && bytes[stop] != ASCII.lf && bytes[stop] != ASCII.cr { stop += 1 }
                error("invalid character \(culprit) in key '\(string(keyStart..<stop))'", at: currentPosition())
            }
            skipRestOfLine()
            return
        }
        let blanksBeforeValue = skipBlanks()
        if let (value, quoting) = parseValue(key: key, afterBlank: blanksBeforeValue > 0) {
            addEntry(key, value, quoting, keyPosition, portable: portable)
        }
    }

    /// Skips `export` and the blanks after it when a key follows them.
    private mutating func skipExportKeyword() {
        let word: [UInt8] = [0x65, 0x78, 0x70, 0x6F, 0x72, 0x74]
        guard offset + 7 <= end, bytes[offset + 6] == ASCII.space || bytes[offset + 6] == ASCII.tab else { return }
        for (index, byte) in word.enumerated() where bytes[offset + index] != byte { return }
        let saved = offset
        offset += 6
        skipBlanks()
        if offset >= end || !ASCII.isKeyCharacter(bytes[offset]) { offset = saved }
    }

    /// Parses the value after `=` by its first character; leaves the cursor on the next line.
    private mutating func parseValue(key: Range<Int>, afterBlank: Bool) -> (ValueRecord, Entry.Quoting)? {
        guard offset < end else { return (.literal(textRange(offset..<offset)), .none) }
        switch bytes[offset] {
        case ASCII.singleQuote:
            return parseLiteralQuoted(key: key, quote: ASCII.singleQuote).map { ($0, .single) }
        case ASCII.backtick:
            return parseLiteralQuoted(key: key, quote: ASCII.backtick).map { ($0, .backtick) }
        case ASCII.doubleQuote:
            return parseDoubleQuoted(key: key).map { ($0, .double) }
        case ASCII.lessThan where peek(1) == ASCII.lessThan:
            return parseHeredoc(key: key).map { ($0, .heredoc) }
        case ASCII.hash where afterBlank:
            let empty = textRange(offset..<offset)
            skipRestOfLine()
            return (.literal(empty), .none)
        default:
            return parseUnquoted(key: key).map { ($0, .none) }
        }
    }

    /// Appends a parsed entry, enforcing the key limit (duplicates are the resolver's to report).
    private mutating func addEntry(
        _ key: Range<Int>, _ value: ValueRecord, _ quoting: Entry.Quoting, _ position: SourcePosition, portable: Bool
    ) {
        if output.records.count == limits.maxKeys {
            error("more than \(limits.maxKeys) definitions in one file", at: position)
            stopped = true
            return
        }
        if !portable {
            warning("'\(string(key))' is not a portable shell variable name", at: position)
        }
        output.records.append(EntryRecord(
            key: textRange(key), keyHash: nameHash(key), value: value, quoting: quoting, position: position
        ))
    }

    /// After a closing quote or heredoc opener: only blanks and an optional comment may follow;
    /// `what` names what they follow, for the error.
    mutating func finishLineAfterValue(_ what: (ParseSession) -> String) -> Bool {
        skipBlanks()
        if atLineEnd() || bytes[offset] == ASCII.hash {
            skipRestOfLine()
            return true
        }
        error("unexpected \(describeCharacter(at: offset)) after \(what(self))", at: currentPosition())
        skipRestOfLine()
        return false
    }

    /// Checks a value's size against the limit; reports at the value's start when over.
    mutating func checkValueSize(_ size: Int, key: Range<Int>, startingAt start: Checkpoint) -> Bool {
        guard size > limits.maxValueBytes else { return true }
        error("value of '\(string(key))' is \(size) bytes, over the limit of \(limits.maxValueBytes) bytes", at: position(of: start))
        return false
    }
}
