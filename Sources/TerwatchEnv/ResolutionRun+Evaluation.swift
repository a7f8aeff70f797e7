/// Lookups and expansion: what a name means in a context, and the rendering of templates.
extension ResolutionRun {
    /// A value a lookup found: a literal's bytes in one of the files, or a string.
    enum FoundValue {
        case bytes(file: Int, TextRange)
        case string(String)

        var isEmpty: Bool {
            switch self {
            case .bytes(_, let range): range.count == 0
            case .string(let text): text.isEmpty
            }
        }
    }

    /// The text of a found value.
    func string(_ value: FoundValue) -> String {
        switch value {
        case .bytes(let file, let range): texts[file].string(range)
        case .string(let text): text
        }
    }

    /// Appends a found value to the value being rendered.
    private mutating func append(_ value: FoundValue) {
        switch value {
        case .bytes(let file, let range): appendBytes(range, of: file)
        case .string(let text): renderBuffer.append(contentsOf: text.utf8)
        }
    }

    private mutating func appendBytes(_ range: TextRange, of file: Int) {
        let text = texts[file]
        if text.isValidUTF8 {
            renderBuffer.append(contentsOf: text.bytes(range))
        } else {
            // Repaired piece by piece, as when each piece was a `String` of its own.
            renderBuffer.append(contentsOf: text.string(range).utf8)
        }
    }

    // MARK: Lookups

    /// The merged value of `name` (whose last definition is `last`, if the files define it):
    /// its last definition, the inherited variable, or an assignment.
    mutating func finalValue(of name: Name, last: Int?) -> FoundValue? {
        if options.inheritedWins, let inherited = environment(string(name)) { return .string(inherited) }
        var base: FoundValue?
        if let last {
            base = value(ofNode: last)
        } else {
            base = environment(string(name)).map(FoundValue.string)
        }
        guard !assignmentGroups.isEmpty, let group = assignmentGroup(of: name) else { return base }
        // The first assignment, in source order, whose condition the merged value meets.
        for assignment in assignmentGroups[group]
        where base == nil || (reference(of: assignments[assignment]).treatsEmptyAsUnset && base!.isEmpty) {
            return value(ofNode: definitions.count + assignment)
        }
        return base
    }

    /// What reference `index` of `file` means inside definition `context`: the layer below for its own key.
    mutating func lookup(_ index: Int, of file: Int, in context: Int) -> FoundValue? {
        let reference = references[file][index]
        let name = Name(file: file, range: reference.name, hash: reference.nameHash)
        guard same(name, self.name(of: context)) else {
            let target = referenceTargets[referenceBase[file] + index]
            guard target.first >= 0 else { return finalValue(of: name, last: nil) }
            if Int(target.first) > context {
                warnForward(reference, of: file, definedAt: Int(target.first), in: context)
            }
            return finalValue(of: name, last: Int(target.last))
        }
        let previous = Int(definitions[context].previous)
        if previous >= 0 { return value(ofNode: previous) }
        return environment(string(name)).map(FoundValue.string)
    }

    // MARK: Evaluation

    /// The value of node `node` (a definition, or an assignment after them), computed once.
    mutating func value(ofNode node: Int) -> FoundValue {
        if node < definitions.count, case .literal(let text) = record(of: node).value {
            // A literal depends on nothing: no state to keep.
            noteDepth(of: node)
            return .bytes(file: Int(definitions[node].file), text)
        }
        let evaluation = evaluation(of: node)
        switch state[evaluation] {
        case .done:
            noteDepth(of: node)
            return .string(memo[evaluation])
        case .evaluating:
            reportCycle(closingAt: node)
            return .string("")
        case .pending:
            break
        }
        guard stack.count <= options.limits.maxNestingDepth else {
            reportDepth(at: node)
            return .string("")
        }
        state[evaluation] = .evaluating
        stack.append(node)
        let result: String
        if node < definitions.count {
            // Literals and inherited values are done above; what is left is a template.
            guard case .template(let parts) = record(of: node).value else { preconditionFailure("node \(node) is no template") }
            result = render(parts.range, of: Int(definitions[node].file), in: node)
        } else {
            let assignment = assignments[node - definitions.count]
            result = render(reference(of: assignment).word, of: assignment.name.file, in: assignment.definition)
        }
        stack.removeLast()
        state[evaluation] = .done
        memo[evaluation] = result
        if chainDepth[evaluation] > options.limits.maxNestingDepth { reportDepth(at: node) }
        noteDepth(of: node)
        return .string(result)
    }

    /// Tells the node being evaluated that it depends on `node`.
    private mutating func noteDepth(of node: Int) {
        guard let caller = stack.last else { return }
        let evaluation = evaluation(of: node)
        let depth = evaluation < 0 ? 0 : chainDepth[evaluation]
        let callerEvaluation = self.evaluation(of: caller)
        chainDepth[callerEvaluation] = max(chainDepth[callerEvaluation], depth + 1)
    }

    /// Expands the template parts `parts` of `file` as they stand in definition `context`.
    mutating func render(_ parts: Range<Int>, of file: Int, in context: Int) -> String {
        // Renders nest (a reference renders another value); they share one buffer as a stack.
        let base = renderBuffer.count
        defer { renderBuffer.removeSubrange(base...) }
        appendRendering(parts, of: file, in: context)
        return String(decoding: renderBuffer[base...], as: UTF8.self)
    }

    /// Appends the expansion of `parts` to the render buffer; nothing when it grows over the size limit.
    private mutating func appendRendering(_ parts: Range<Int>, of file: Int, in context: Int) {
        if parts.count == 1, case .text(let text) = self.parts[file][parts.lowerBound] {
            appendBytes(text, of: file)
            return
        }
        let base = renderBuffer.count
        for index in parts {
            switch self.parts[file][index] {
            case .text(let text): appendBytes(text, of: file)
            case .reference(let reference): expand(reference, of: file, in: context)
            }
            if renderBuffer.count - base > options.limits.maxValueBytes {
                reportSize(of: context)
                renderBuffer.removeSubrange(base...)
                return
            }
        }
    }

    /// Appends the value reference `index` of `file` stands for.
    private mutating func expand(_ index: Int, of file: Int, in context: Int) {
        let reference = references[file][index]
        let current = lookup(index, of: file, in: context)
        let isSet = current.map { !(reference.treatsEmptyAsUnset && $0.isEmpty) } ?? false
        switch reference.operation {
        case .value:
            if let current {
                append(current)
            } else {
                let name = texts[file].string(reference.name)
                warning("undefined variable '\(name)' expands to empty", at: reference.position, in: context)
            }
        case .useDefault, .assignDefault:
            if isSet { append(current!) } else { appendRendering(reference.word, of: file, in: context) }
        case .alternative:
            if isSet { appendRendering(reference.word, of: file, in: context) }
        case .fail:
            if isSet { return append(current!) }
            let text = render(reference.word, of: file, in: context)
            let name = texts[file].string(reference.name)
            let state = current == nil ? "is not set" : "is empty"
            let message = text.isEmpty ? "'\(name)' \(state)" : "'\(name)' \(state): \(text)"
            error(message, at: reference.position, in: context)
        }
    }
}
