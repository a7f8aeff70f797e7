/// Unquoted, single-quoted, backtick and double-quoted values.
extension ParseSession {
    /// Where a template scan stopped.
    enum ScanStop {
        case lineEnd
        case comment
        case closingQuote
        case closingBrace
        case end
    }

    /// The quoting context a template is scanned in.
    enum ScanMode {
        case unquoted
        case doubleQuoted
        case heredoc
    }

    /// A saved cursor, to resume after a construct that never closed.
    struct Checkpoint {
        let offset: Int
        let line: Int
        let lineStart: Int
        let diagnosticCount: Int
    }

    func checkpoint() -> Checkpoint {
        Checkpoint(offset: offset, line: line, lineStart: lineStart, diagnosticCount: diagnostics.count)
    }

    /// Returns to `checkpoint`, dropping diagnostics found since, and skips the rest of its line.
    mutating func resumeOnNextLine(after checkpoint: Checkpoint) {
        offset = checkpoint.offset
        line = checkpoint.line
        lineStart = checkpoint.lineStart
        columnMark = (lineStart, 1)
        diagnostics.removeSubrange(checkpoint.diagnosticCount...)
        skipRestOfLine()
    }

    /// An unquoted value: to the end of the line or a ` #` comment, blanks at both ends dropped.
    mutating func parseUnquoted(key: Range<Int>) -> ValueRecord? {
        let start = offset
        let opening = checkpoint()
        // Fast path: no escape, no reference, no comment ambiguity.
        let index = firstIndex(from: offset, of: unquotedStops)
        let simpleEnd = index == end || bytes[index] == ASCII.lf
            || (bytes[index] == ASCII.cr && index + 1 < end && bytes[index + 1] == ASCII.lf)
            || (bytes[index] == ASCII.hash && index > start && ASCII.isBlank(bytes[index - 1]))
        if simpleEnd {
            var stop = index
            while stop > start && ASCII.isBlank(bytes[stop - 1]) { stop -= 1 }
            offset = index
            skipRestOfLine()
            guard checkValueSize(stop - start, key: key, startingAt: opening) else { return nil }
            return .literal(textRange(start..<stop))
        }
        var builder = output.beginTemplate()
        var depthReported = false
        _ = scanTemplate(.unquoted, into: &builder, inBraces: false, depth: 0, depthReported: &depthReported)
        output.trimTrailingBlanks(of: builder)
        let size = offset - start
        skipRestOfLine()
        let value = output.finishValue(&builder)
        guard checkValueSize(size, key: key, startingAt: opening) else { return nil }
        return value
    }

    /// A single-quoted or backtick value: literal, may span lines.
    mutating func parseLiteralQuoted(key: Range<Int>, quote: UInt8) -> ValueRecord? {
        let opening = checkpoint()
        offset += 1
        let start = offset
        // Set once a CRLF makes the value differ from its source bytes.
        var assembly: TemplateBuilder? = nil
        var runStart = offset
        while offset < end {
            let byte = bytes[offset]
            if byte == quote { break }
            if byte == ASCII.cr && offset + 1 < end && bytes[offset + 1] == ASCII.lf {
                // CRLF inside a value: the CR is not part of it.
                if assembly == nil { assembly = output.beginTemplate() }
                output.append(bytes[runStart..<offset])
                offset += 1
                runStart = offset
                continue
            }
            offset += 1
            if byte == ASCII.lf { startLine(at: offset) }
        }
        guard offset < end else {
            let name = quote == ASCII.singleQuote ? "single-quoted" : "backtick-quoted"
            if let assembly { output.discard(assembly) }
            resumeOnNextLine(after: opening)
            error("unterminated \(name) value of '\(string(key))'", at: position(of: opening))
            return nil
        }
        let value: ValueRecord
        if var assembly {
            output.append(bytes[runStart..<offset])
            value = output.finishValue(&assembly)
        } else {
            value = .literal(textRange(start..<offset))
        }
        offset += 1
        let size = offset - start
        guard finishLineAfterValue({ "the closing quote of '\($0.string(key))'" }) else { return nil }
        guard checkValueSize(size, key: key, startingAt: opening) else { return nil }
        return value
    }

    /// A double-quoted value: escapes, expansion, may span lines.
    mutating func parseDoubleQuoted(key: Range<Int>) -> ValueRecord? {
        let opening = checkpoint()
        offset += 1
        let start = offset
        // Fast path: no escape, reference or CR before the closing quote; LF line breaks
        // are kept as they are, so the value is its source bytes (a PEM block, say).
        var index = firstIndex(from: offset, of: doubleQuotedStops)
        var lineBreaks = 0
        var lastLineStart = lineStart
        while index < end && bytes[index] == ASCII.lf {
            lineBreaks += 1
            lastLineStart = index + 1
            index = firstIndex(from: index + 1, of: doubleQuotedStops)
        }
        let value: ValueRecord
        if index < end && bytes[index] == ASCII.doubleQuote {
            value = .literal(textRange(start..<index))
            offset = index
            if lineBreaks > 0 {
                line += lineBreaks
                lineStart = lastLineStart
                columnMark = (lastLineStart, 1)
            }
        } else {
            var builder = output.beginTemplate()
            var depthReported = false
            let stop = scanTemplate(.doubleQuoted, into: &builder, inBraces: false, depth: 0, depthReported: &depthReported)
            guard stop == .closingQuote else {
                output.discard(builder)
                resumeOnNextLine(after: opening)
                error("unterminated double-quoted value of '\(string(key))'", at: position(of: opening))
                return nil
            }
            value = output.finishValue(&builder)
        }
        offset += 1
        let size = offset - start
        guard finishLineAfterValue({ "the closing quote of '\($0.string(key))'" }) else { return nil }
        guard checkValueSize(size, key: key, startingAt: opening) else { return nil }
        return value
    }
}
