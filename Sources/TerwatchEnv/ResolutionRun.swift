/// One resolution: the merged definitions, their lazily computed values, and what went wrong.
///
/// Every definition and every `${NAME:=word}` assignment is a node; a node's value is
/// computed once, on first use, so forward references resolve and the cost stays linear.
struct ResolutionRun {
    /// One definition of a key, in merged order.
    struct Definition {
        let key: String
        let value: Entry.Value
        let file: Int
        let position: SourcePosition
        /// The definition of the same key just below this one, for self-references.
        let previous: Int?
    }

    /// One key of the merged set: its first and last definitions.
    struct Slot {
        let key: String
        let first: Int
        var last: Int
    }

    /// A `${NAME:=word}` or `${NAME=word}` that gives NAME its value when NAME is unset.
    struct Assignment {
        let name: String
        let reference: Reference
        /// The definition the reference stands in, which is its context for lookups.
        let definition: Int
    }

    private enum State: UInt8 {
        case pending, evaluating, done
    }

    let files: [ParsedFile]
    let options: Resolver.Options
    let environment: (String) -> String?

    var definitions: [Definition] = []
    var assignments: [Assignment] = []
    /// The keys in order of first appearance.
    var slots: [Slot] = []
    /// Each key's index in `slots`.
    var slotIndex: [String: Int] = [:]
    /// The index in `assignments` of the first assignment to each name.
    var assignmentIndex: [String: Int] = [:]

    private var state: [State] = []
    private var memo: [String] = []
    private var chainDepth: [Int] = []
    var stack: [Int] = []
    var reportedCycleNodes: Set<Int> = []
    var reportedDepth = false
    var reportedSize = false
    var diagnostics: [Diagnostic] = []
    /// The bytes of the values being rendered, innermost last.
    private var renderBuffer: [UInt8] = []

    init(files: [ParsedFile], options: Resolver.Options, environment: @escaping (String) -> String?) {
        self.files = files
        self.options = options
        self.environment = environment
    }

    /// Merges, then evaluates every key's final value in order.
    mutating func resolve() -> Resolution {
        merge()
        let nodeCount = definitions.count + assignments.count
        state = Array(repeating: .pending, count: nodeCount)
        memo = Array(repeating: "", count: nodeCount)
        chainDepth = Array(repeating: 0, count: nodeCount)
        var entries: [ResolvedEntry] = []
        entries.reserveCapacity(slots.count)
        for (index, slot) in slots.enumerated() {
            let winner = definitions[slot.last]
            let value = finalValue(of: slot.key, slot: index) ?? ""
            entries.append(ResolvedEntry(key: slot.key, value: value, path: files[winner.file].path, position: winner.position))
        }
        // Names that only `${NAME:=word}` defines come last; there is one assignment per name.
        for assignment in assignments where slotIndex[assignment.name] == nil {
            guard let value = finalValue(of: assignment.name, slot: nil), value != environment(assignment.name) else { continue }
            let context = definitions[assignment.definition]
            entries.append(ResolvedEntry(
                key: assignment.name, value: value,
                path: files[context.file].path, position: assignment.reference.position
            ))
        }
        return Resolution(entries: entries, diagnostics: diagnostics)
    }

    // MARK: Merging

    /// Flattens the files into definitions and finds the assignments.
    private mutating func merge() {
        let entryCount = files.reduce(0) { $0 + $1.entries.count }
        definitions.reserveCapacity(entryCount)
        slots.reserveCapacity(entryCount)
        slotIndex.reserveCapacity(entryCount)
        for (fileIndex, file) in files.enumerated() {
            for entry in file.entries {
                let value: Entry.Value
                if case .inherited = entry.value {
                    guard let inherited = environment(entry.key) else { continue }
                    value = .literal(inherited)
                } else {
                    value = entry.value
                }
                let index = definitions.count
                // One hash for a new key: insert, and put the old slot back for a redefinition.
                var previous: Int? = nil
                if let slot = slotIndex.updateValue(slots.count, forKey: entry.key) {
                    slotIndex[entry.key] = slot
                    previous = slots[slot].last
                    slots[slot].last = index
                    warnIfDuplicate(entry, below: previous!, inFile: fileIndex)
                } else {
                    slots.append(Slot(key: entry.key, first: index, last: index))
                }
                definitions.append(Definition(
                    key: entry.key, value: value, file: fileIndex, position: entry.position, previous: previous
                ))
                if case .template(let template) = value {
                    collectAssignments(template.fragments, definition: index)
                }
            }
        }
    }

    private mutating func collectAssignments(_ fragments: [Fragment], definition: Int) {
        for case .reference(let reference) in fragments {
            if reference.operation == .assignDefault && assignmentIndex[reference.name] == nil {
                assignmentIndex[reference.name] = assignments.count
                assignments.append(Assignment(name: reference.name, reference: reference, definition: definition))
            }
            collectAssignments(reference.word, definition: definition)
        }
    }

    // MARK: Lookups

    /// The merged value of `name` (defined in `slot`, if the files define it):
    /// its last definition, the inherited variable, or an assignment.
    mutating func finalValue(of name: String, slot: Int?) -> String? {
        if options.inheritedWins, let inherited = environment(name) { return inherited }
        var base: String?
        if let slot {
            base = value(ofNode: slots[slot].last)
        } else {
            base = environment(name)
        }
        if !assignmentIndex.isEmpty, let assignment = assignmentIndex[name] {
            let treatsEmptyAsUnset = assignments[assignment].reference.treatsEmptyAsUnset
            if base == nil || (treatsEmptyAsUnset && base!.isEmpty) {
                return value(ofNode: definitions.count + assignment)
            }
        }
        return base
    }

    /// What `reference` means inside definition `context`: the layer below for its own key.
    mutating func lookup(_ reference: Reference, in context: Int) -> String? {
        let name = reference.name
        guard name == definitions[context].key else {
            let slot = slotIndex[name]
            if let slot, slots[slot].first > context { warnForward(reference, definedAt: slots[slot].first, in: context) }
            return finalValue(of: name, slot: slot)
        }
        if let previous = definitions[context].previous { return value(ofNode: previous) }
        return environment(name)
    }

    // MARK: Evaluation

    /// The value of node `node` (a definition, or an assignment after them), computed once.
    mutating func value(ofNode node: Int) -> String {
        if node < definitions.count, case .literal(let text) = definitions[node].value {
            // A literal depends on nothing: no state to keep.
            noteDepth(of: node)
            return text
        }
        switch state[node] {
        case .done:
            noteDepth(of: node)
            return memo[node]
        case .evaluating:
            reportCycle(closingAt: node)
            return ""
        case .pending:
            break
        }
        guard stack.count <= options.limits.maxNestingDepth else {
            reportDepth(at: node)
            return ""
        }
        state[node] = .evaluating
        stack.append(node)
        let result: String
        if node < definitions.count {
            switch definitions[node].value {
            case .literal(let text): result = text
            case .template(let template): result = render(template.fragments, in: node)
            case .inherited: result = ""
            }
        } else {
            let assignment = assignments[node - definitions.count]
            result = render(assignment.reference.word, in: assignment.definition)
        }
        stack.removeLast()
        state[node] = .done
        memo[node] = result
        if chainDepth[node] > options.limits.maxNestingDepth { reportDepth(at: node) }
        noteDepth(of: node)
        return result
    }

    /// Tells the node being evaluated that it depends on `node`.
    private mutating func noteDepth(of node: Int) {
        guard let caller = stack.last else { return }
        chainDepth[caller] = max(chainDepth[caller], chainDepth[node] + 1)
    }

    /// Expands `fragments` as they stand in definition `context`.
    mutating func render(_ fragments: [Fragment], in context: Int) -> String {
        if fragments.count == 1, case .text(let text) = fragments[0] { return text }
        // Renders nest (a reference renders another value); they share one buffer as a stack.
        let base = renderBuffer.count
        defer { renderBuffer.removeSubrange(base...) }
        for fragment in fragments {
            switch fragment {
            case .text(let text): renderBuffer.append(contentsOf: text.utf8)
            case .reference(let reference):
                let value = expand(reference, in: context)
                renderBuffer.append(contentsOf: value.utf8)
            }
            if renderBuffer.count - base > options.limits.maxValueBytes {
                reportSize(of: context)
                return ""
            }
        }
        return String(decoding: renderBuffer[base...], as: UTF8.self)
    }

    /// The value one reference stands for.
    private mutating func expand(_ reference: Reference, in context: Int) -> String {
        let current = lookup(reference, in: context)
        let isSet = current.map { !(reference.treatsEmptyAsUnset && $0.isEmpty) } ?? false
        switch reference.operation {
        case .value:
            if current == nil {
                warning("undefined variable '\(reference.name)' expands to empty", at: reference.position, in: context)
            }
            return current ?? ""
        case .useDefault, .assignDefault:
            return isSet ? current! : render(reference.word, in: context)
        case .alternative:
            return isSet ? render(reference.word, in: context) : ""
        case .fail:
            if isSet { return current! }
            let text = render(reference.word, in: context)
            let state = current == nil ? "is not set" : "is empty"
            let message = text.isEmpty ? "'\(reference.name)' \(state)" : "'\(reference.name)' \(state): \(text)"
            error(message, at: reference.position, in: context)
            return ""
        }
    }
}
