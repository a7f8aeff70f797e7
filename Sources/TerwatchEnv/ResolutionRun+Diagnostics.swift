/// The problems a resolution reports: cycles, depth, size, undefined and forward references.
extension ResolutionRun {
    mutating func error(_ message: String, at position: SourcePosition, in context: Int) {
        let path = files[Int(definitions[context].file)].path
        diagnostics.append(Diagnostic(.error, path: path, position: position, message: message))
    }

    mutating func warning(_ message: String, at position: SourcePosition, in context: Int) {
        let path = files[Int(definitions[context].file)].path
        diagnostics.append(Diagnostic(.warning, path: path, position: position, message: message))
    }

    /// Warns when `record` (of `file`) redefines a key that its own file already defined.
    mutating func warnIfDuplicate(_ record: EntryRecord, inFile file: Int, below previous: Int) {
        guard definitions[previous].file == file else { return }
        var first = previous
        while case let earlier = Int(definitions[first].previous), earlier >= 0, definitions[earlier].file == file {
            first = earlier
        }
        let key = texts[file].string(record.key)
        diagnostics.append(Diagnostic(
            .warning, path: files[file].path, position: record.position,
            message: "duplicate key '\(key)' (first defined on line \(position(of: first).line)); the last definition wins"
        ))
    }

    /// Warns that a line-by-line reader would see `reference` before its key's first definition.
    mutating func warnForward(_ reference: ReferenceRecord, of file: Int, definedAt first: Int, in context: Int) {
        let name = texts[file].string(reference.name)
        guard environment(name) == nil else { return }
        let later = definitions[first]
        let place = later.file == definitions[context].file
            ? "line \(position(of: first).line)" : "\(files[Int(later.file)].path):\(position(of: first).line)"
        warning(
            "'\(name)' is defined later (\(place)); dotenv readers that expand line by line make it empty here",
            at: reference.position, in: context
        )
    }

    /// Names a node for messages: its key and where it stands relative to `path`.
    private func describe(node: Int, from path: String) -> String {
        let name: String
        let file: Int
        let position: SourcePosition
        if node < definitions.count {
            (name, file, position) = (key(of: node), Int(definitions[node].file), self.position(of: node))
        } else {
            let assignment = assignments[node - definitions.count]
            (name, file, position) = (
                string(assignment.name), Int(definitions[assignment.definition].file), reference(of: assignment).position
            )
        }
        let place = files[file].path == path ? "line \(position.line)" : "\(files[file].path):\(position.line)"
        return "'\(name)' (\(place))"
    }

    /// The key position of a node's definition (an assignment's reference for assignments).
    private func anchor(of node: Int) -> (context: Int, position: SourcePosition) {
        if node < definitions.count { return (node, position(of: node)) }
        let assignment = assignments[node - definitions.count]
        return (assignment.definition, reference(of: assignment).position)
    }

    /// Reports the cycle that the stack closes by reaching `node` again, once per cycle.
    mutating func reportCycle(closingAt node: Int) {
        guard let start = stack.lastIndex(of: node) else { return }
        let members = Array(stack[start...])
        guard reportedCycleNodes.isDisjoint(with: members) else { return }
        reportedCycleNodes.formUnion(members)
        let (context, position) = anchor(of: node)
        let path = files[Int(definitions[context].file)].path
        let hops = members.map { describe(node: $0, from: path) } + ["'\(name(of: node))'"]
        error("reference cycle: \(hops.joined(separator: " → "))", at: position, in: context)
    }

    /// Reports, once, a chain of references deeper than the limit.
    mutating func reportDepth(at node: Int) {
        guard !reportedDepth else { return }
        reportedDepth = true
        let (context, position) = anchor(of: node)
        error(
            "chain of references through '\(name(of: node))' is deeper than \(options.limits.maxNestingDepth) levels",
            at: position, in: context
        )
    }

    /// Reports, once, an expanded value over the size limit.
    mutating func reportSize(of context: Int) {
        guard !reportedSize else { return }
        reportedSize = true
        error(
            "expanded value of '\(key(of: context))' is over the limit of \(options.limits.maxValueBytes) bytes",
            at: position(of: context), in: context
        )
    }

    private func name(of node: Int) -> String {
        node < definitions.count ? key(of: node) : string(assignments[node - definitions.count].name)
    }
}
