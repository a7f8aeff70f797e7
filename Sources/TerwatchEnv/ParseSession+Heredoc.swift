/// Heredoc values: `<<DELIM`, `<<-DELIM`, `<<~DELIM`, and quoted delimiters.
extension ParseSession {
    /// How a heredoc treats indentation.
    private enum Indentation {
        /// Body lines are kept as they are.
        case kept
        /// `<<-`: leading tabs are stripped from body lines and the terminator.
        case tabsStripped
        /// `<<~`: the common leading indentation of non-blank body lines is removed.
        case commonRemoved
    }

    /// One body line: its byte range without the line break, and where its line starts.
    private struct BodyLine {
        var start: Int
        let end: Int
        let line: Int
        let lineStart: Int
    }

    /// Parses a heredoc, the cursor on its `<<`.
    mutating func parseHeredoc(key: Range<Int>) -> ValueRecord? {
        let opener = checkpoint()
        let position = currentPosition()
        offset += 2
        var indentation = Indentation.kept
        if peek() == ASCII.minus {
            indentation = .tabsStripped
            offset += 1
        } else if peek() == ASCII.tilde {
            indentation = .commonRemoved
            offset += 1
        }
        var quote: UInt8? = nil
        if let byte = peek(), byte == ASCII.singleQuote || byte == ASCII.doubleQuote {
            quote = byte
            offset += 1
        }
        let delimiterStart = offset
        while offset < end && ASCII.isNameCharacter(bytes[offset]) { offset += 1 }
        guard offset > delimiterStart else {
            error("expected a heredoc delimiter after '<<', found \(describeCharacter(at: offset))", at: currentPosition())
            skipRestOfLine()
            return nil
        }
        let delimiter = Array(bytes[delimiterStart..<offset])
        let name = string(delimiterStart..<offset)
        if let quote {
            guard peek() == quote else {
                error("unterminated quote around heredoc delimiter '\(name)'", at: currentPosition())
                skipRestOfLine()
                return nil
            }
            offset += 1
        }
        guard finishLineAfterValue({ _ in "the heredoc delimiter '\(name)'" }) else { return nil }
        let bodyStart = offset
        guard var body = readBody(until: delimiter, indentation: indentation) else {
            // As in the shell, the body runs to the end of the file; resuming on the next
            // line instead would rescan the rest of the file once per unterminated heredoc.
            error("unterminated heredoc '\(name)' of '\(string(key))'", at: position)
            return nil
        }
        guard checkValueSize(offset - bodyStart, key: key, startingAt: opener) else { return nil }
        warning("heredocs are a terwatch extension; other dotenv readers take the '<<' line literally", at: position)
        stripIndentation(&body, indentation)
        if quote != nil || !expands {
            return joined(body)
        }
        return expandableValue(body)
    }

    /// Reads body lines up to the terminator, consuming it; nil when the file ends first.
    private mutating func readBody(until delimiter: [UInt8], indentation: Indentation) -> [BodyLine]? {
        var lines: [BodyLine] = []
        while offset < end {
            let start = offset
            while offset < end && bytes[offset] != ASCII.lf { offset += 1 }
            var stop = offset
            if stop > start && bytes[stop - 1] == ASCII.cr { stop -= 1 }
            let current = BodyLine(start: start, end: stop, line: line, lineStart: lineStart)
            let terminates = isTerminator(start..<stop, delimiter, indentation)
            consumeLineBreak()
            if terminates { return lines }
            lines.append(current)
        }
        return nil
    }

    /// Whether `range` is the delimiter, with the blanks its heredoc form allows around it.
    private func isTerminator(_ range: Range<Int>, _ delimiter: [UInt8], _ indentation: Indentation) -> Bool {
        var start = range.lowerBound
        var stop = range.upperBound
        while stop > start && ASCII.isBlank(bytes[stop - 1]) { stop -= 1 }
        switch indentation {
        case .kept: break
        case .tabsStripped: while start < stop && bytes[start] == ASCII.tab { start += 1 }
        case .commonRemoved: while start < stop && ASCII.isBlank(bytes[start]) { start += 1 }
        }
        return stop - start == delimiter.count && bytes[start..<stop].elementsEqual(delimiter)
    }

    /// Applies `<<-` or `<<~` to the body lines.
    private func stripIndentation(_ body: inout [BodyLine], _ indentation: Indentation) {
        switch indentation {
        case .kept:
            return
        case .tabsStripped:
            for index in body.indices {
                while body[index].start < body[index].end && bytes[body[index].start] == ASCII.tab { body[index].start += 1 }
            }
        case .commonRemoved:
            var common = Int.max
            for bodyLine in body {
                var index = bodyLine.start
                while index < bodyLine.end && ASCII.isBlank(bytes[index]) { index += 1 }
                if index < bodyLine.end { common = min(common, index - bodyLine.start) }
            }
            guard common != Int.max else { return }
            for index in body.indices {
                var removed = 0
                while removed < common && body[index].start < body[index].end && ASCII.isBlank(bytes[body[index].start]) {
                    body[index].start += 1
                    removed += 1
                }
            }
        }
    }

    /// The body lines joined by line breaks, taken literally.
    private mutating func joined(_ body: [BodyLine]) -> ValueRecord {
        // Lines that follow each other with nothing between them but an LF are their source bytes.
        if let first = body.first, body.indices.dropFirst().allSatisfy({ body[$0].start == body[$0 - 1].end + 1 }) {
            return .literal(textRange(first.start..<body[body.count - 1].end))
        }
        var builder = output.beginTemplate()
        for (index, bodyLine) in body.enumerated() {
            if index > 0 { output.append(ASCII.lf) }
            output.append(bytes[bodyLine.start..<bodyLine.end])
        }
        return output.finishValue(&builder)
    }

    /// The body lines expanded like a double-quoted value without escapes.
    private mutating func expandableValue(_ body: [BodyLine]) -> ValueRecord {
        let resume = (offset: offset, line: line, lineStart: lineStart, end: end)
        var builder = output.beginTemplate()
        var depthReported = false
        for (index, bodyLine) in body.enumerated() {
            if index > 0 { output.append(ASCII.lf) }
            offset = bodyLine.start
            end = bodyLine.end
            line = bodyLine.line
            lineStart = bodyLine.lineStart
            columnMark = (lineStart, 1)
            _ = scanTemplate(.heredoc, into: &builder, inBraces: false, depth: 0, depthReported: &depthReported)
        }
        (offset, line, lineStart, end) = resume
        columnMark = (lineStart, 1)
        return output.finishValue(&builder)
    }
}
