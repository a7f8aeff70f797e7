/// Scanning text that expands: escapes per quoting context, `$NAME`, `${NAME<op>word}`, `$$`.
extension ParseSession {
    /// Scans template text in `mode` until its terminator; the terminator is not consumed.
    mutating func scanTemplate(
        _ mode: ScanMode, into builder: inout TemplateBuilder,
        inBraces: Bool, depth: Int, depthReported: inout Bool
    ) -> ScanStop {
        while offset < end {
            let byte = bytes[offset]
            switch byte {
            case ASCII.lf:
                guard mode == .doubleQuoted else { return .lineEnd }
                output.append(byte)
                offset += 1
                startLine(at: offset)
            case ASCII.cr where offset + 1 < end && bytes[offset + 1] == ASCII.lf:
                guard mode == .doubleQuoted else { return .lineEnd }
                offset += 1
            case ASCII.doubleQuote where mode == .doubleQuoted:
                return .closingQuote
            case ASCII.closeBrace where inBraces:
                return .closingBrace
            case ASCII.hash where mode == .unquoted && !inBraces && offset > lineStart && ASCII.isBlank(bytes[offset - 1]):
                return .comment
            case ASCII.backslash where mode != .heredoc:
                scanEscape(mode)
            case ASCII.dollar where expands:
                scanDollar(mode, into: &builder, depth: depth, depthReported: &depthReported)
            default:
                let runStart = offset
                offset += 1
                while offset < end && !isSpecial(bytes[offset], mode, inBraces: inBraces) { offset += 1 }
                output.append(bytes[runStart..<offset])
            }
        }
        return .end
    }

    /// Whether `byte` may end a run of plain text in `mode`.
    @inline(__always) private func isSpecial(_ byte: UInt8, _ mode: ScanMode, inBraces: Bool) -> Bool {
        switch byte {
        case ASCII.lf, ASCII.cr: return true
        case ASCII.dollar: return expands
        case ASCII.closeBrace: return inBraces
        case ASCII.backslash: return mode != .heredoc
        case ASCII.doubleQuote: return mode == .doubleQuoted
        case ASCII.hash: return mode == .unquoted
        default: return false
        }
    }

    /// A backslash: `\$` and continuations everywhere; the escape set of double quotes.
    private mutating func scanEscape(_ mode: ScanMode) {
        let next = peek(1)
        if next == ASCII.lf || (next == ASCII.cr && peek(2) == ASCII.lf) {
            // Backslash + line break: both removed, the next line continues the value.
            if mode == .unquoted {
                warning(
                    "line continuation is a terwatch extension; other dotenv readers keep the backslash and end the value here",
                    at: currentPosition()
                )
            }
            offset += 1
            consumeLineBreak()
            return
        }
        if mode == .unquoted {
            if next == ASCII.dollar {
                output.append(ASCII.dollar)
                offset += 2
            } else {
                output.append(ASCII.backslash)
                offset += 1
            }
            return
        }
        switch next {
        case 0x6E: output.append(ASCII.lf)  // \n
        case 0x72: output.append(ASCII.cr)  // \r
        case 0x74: output.append(ASCII.tab)  // \t
        case ASCII.backslash, ASCII.doubleQuote, ASCII.dollar, ASCII.backtick: output.append(next!)
        case nil:
            output.append(ASCII.backslash)
            offset += 1
            return
        default:
            // Any other `\x` stays as written.
            output.append(ASCII.backslash)
            output.append(next!)
        }
        offset += 2
    }

    /// A `$`: `$$`, `$NAME`, `${…}`, or a literal `$`.
    private mutating func scanDollar(
        _ mode: ScanMode, into builder: inout TemplateBuilder, depth: Int, depthReported: inout Bool
    ) {
        let dollar = offset
        guard let next = peek(1) else {
            output.append(ASCII.dollar)
            offset += 1
            return
        }
        if next == ASCII.dollar {
            output.append(ASCII.dollar)
            offset += 2
        } else if ASCII.isNameStart(next) {
            offset += 2
            while offset < end && ASCII.isNameCharacter(bytes[offset]) { offset += 1 }
            let name = dollar + 1..<offset
            let reference = ReferenceRecord(
                name: textRange(name), nameHash: nameHash(name), operation: .value, treatsEmptyAsUnset: false,
                word: 0..<0, position: position(of: dollar)
            )
            output.appendReference(reference, to: &builder)
        } else if next == ASCII.openBrace {
            scanBraced(mode, into: &builder, depth: depth, depthReported: &depthReported)
        } else {
            output.append(ASCII.dollar)
            offset += 1
        }
    }

    /// `${NAME}` or `${NAME<op>word}`, the cursor on the `$`.
    private mutating func scanBraced(
        _ mode: ScanMode, into builder: inout TemplateBuilder, depth: Int, depthReported: inout Bool
    ) {
        let dollar = offset
        let position = position(of: dollar)
        guard depth < limits.maxNestingDepth else {
            if !depthReported {
                error("expansion nested deeper than \(limits.maxNestingDepth) levels", at: position)
                depthReported = true
            }
            skipBraces(mode)
            return
        }
        offset += 2
        let nameStart = offset
        if offset < end && ASCII.isNameStart(bytes[offset]) {
            offset += 1
            while offset < end && (ASCII.isNameCharacter(bytes[offset]) || bytes[offset] == ASCII.dot) { offset += 1 }
        }
        let name = nameStart..<offset
        guard let (operation, colon) = scanOperator(name: name, dollar: dollar, mode: mode) else { return }
        var reference = ReferenceRecord(
            name: textRange(name), nameHash: nameHash(name), operation: operation, treatsEmptyAsUnset: colon,
            word: 0..<0, position: position
        )
        if operation == .value {
            output.appendReference(reference, to: &builder)
            return
        }
        // The word's text follows the outer template's pending text, which ends where it begins.
        var word = output.beginTemplate()
        let stop = scanTemplate(mode, into: &word, inBraces: true, depth: depth + 1, depthReported: &depthReported)
        guard stop == .closingBrace else {
            output.discard(word)
            error("unclosed '${' of '\(string(name))'", at: position)
            return
        }
        offset += 1
        reference.word = output.finishWord(&word)
        output.appendReference(reference, to: &builder, textEnd: word.textBase)
    }

    /// The operator after `${NAME`; nil (and an error) when there is none valid.
    private mutating func scanOperator(name: Range<Int>, dollar: Int, mode: ScanMode) -> (Reference.Operation, Bool)? {
        guard let byte = peek() else {
            error("unclosed '${' of '\(string(name))'", at: position(of: dollar))
            return nil
        }
        var colon = false
        var symbol = byte
        if byte == ASCII.closeBrace && !name.isEmpty {
            offset += 1
            return (.value, false)
        }
        if byte == ASCII.colon && !name.isEmpty, let after = peek(1) {
            colon = true
            symbol = after
        }
        let operation: Reference.Operation? = switch symbol {
        case ASCII.minus: .useDefault
        case ASCII.equals: .assignDefault
        case ASCII.question: .fail
        case ASCII.plus: .alternative
        default: nil
        }
        guard let operation, !name.isEmpty else {
            let culprit = colon ? offset + 1 : offset
            let message: String
            if name.isEmpty && byte == ASCII.closeBrace {
                message = "missing variable name in '${}'"
            } else if name.isEmpty {
                message = "invalid variable name in '${': \(describeCharacter(at: culprit)) cannot start a name"
            } else if byte == ASCII.lf || byte == ASCII.cr || (byte == ASCII.doubleQuote && mode == .doubleQuoted) {
                message = "unclosed '${' of '\(string(name))'"
            } else {
                message = "invalid character \(describeCharacter(at: culprit)) after '${\(string(name))'"
            }
            error(message, at: position(of: dollar))
            offset = dollar + 2
            skipBraces(mode, nested: 1)
            return nil
        }
        offset += colon ? 2 : 1
        return (operation, colon)
    }

    /// Skips to just past the `}` closing a `${` (counting nested braces), staying on this line.
    private mutating func skipBraces(_ mode: ScanMode, nested: Int = 0) {
        var open = nested
        while offset < end {
            let byte = bytes[offset]
            if byte == ASCII.lf || byte == ASCII.cr || (byte == ASCII.doubleQuote && mode == .doubleQuoted) { return }
            offset += 1
            if byte == ASCII.openBrace {
                open += 1
            } else if byte == ASCII.closeBrace {
                open -= 1
                if open <= 0 { return }
            }
        }
    }
}
