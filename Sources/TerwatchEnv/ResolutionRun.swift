/// One resolution: the merged definitions, their lazily computed values, and what went wrong.
///
/// Every definition and every `${NAME:=word}` assignment is a node; a node's value is
/// computed once, on first use, so forward references resolve and the cost stays linear.
struct ResolutionRun {
    /// One definition of a key, in merged order: where its entry is, read in place.
    struct Definition {
        let file: Int
        let entry: Int
        /// The definition of the same key just below this one, for self-references.
        let previous: Int?
        /// The inherited value a bare `KEY` line copies.
        let inherited: String?
    }

    /// One key of the merged set: its first and last definitions.
    struct Slot {
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
    /// The indices in `assignments` of the assignments to each name, in source order.
    var assignmentIndex: [String: [Int]] = [:]

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
            let key = key(of: slot.first)
            let value = finalValue(of: key, slot: index) ?? ""
            let path = files[definitions[slot.last].file].path
            entries.append(ResolvedEntry(key: key, value: value, path: path, position: position(of: slot.last)))
        }
        // Names that only `${NAME:=word}` defines come last, in the order of their first assignment.
        for (index, assignment) in assignments.enumerated()
        where slotIndex[assignment.name] == nil && assignmentIndex[assignment.name]?.first == index {
            guard let value = finalValue(of: assignment.name, slot: nil), value != environment(assignment.name) else { continue }
            entries.append(ResolvedEntry(
                key: assignment.name, value: value,
                path: files[definitions[assignment.definition].file].path, position: assignment.reference.position
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
            for (entryIndex, entry) in file.entries.enumerated() {
                var inherited: String? = nil
                if case .inherited = entry.value {
                    guard let value = environment(entry.key) else { continue }
                    inherited = value
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
                    slots.append(Slot(first: index, last: index))
                }
                definitions.append(Definition(file: fileIndex, entry: entryIndex, previous: previous, inherited: inherited))
                if case .template(let template) = entry.value {
                    collectAssignments(template.fragments, definition: index)
                }
            }
        }
    }

    private mutating func collectAssignments(_ fragments: [Fragment], definition: Int) {
        for case .reference(let reference) in fragments {
            if reference.operation == .assignDefault {
                assignmentIndex[reference.name, default: []].append(assignments.count)
                assignments.append(Assignment(name: reference.name, reference: reference, definition: definition))
            }
            collectAssignments(reference.word, definition: definition)
        }
    }

    // MARK: Definitions

    /// The key definition `index` defines.
    func key(of index: Int) -> String {
        files[definitions[index].file].entries[definitions[index].entry].key
    }

    /// Where definition `index`'s key stands.
    func position(of index: Int) -> SourcePosition {
        files[definitions[index].file].entries[definitions[index].entry].position
    }

    /// The value of definition `index` when it needs no expansion.
    func literalValue(of index: Int) -> String? {
        let definition = definitions[index]
        if let inherited = definition.inherited { return inherited }
        if case .literal(let text) = files[definition.file].entries[definition.entry].value { return text }
        return nil
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
        guard !assignmentIndex.isEmpty, let candidates = assignmentIndex[name] else { return base }
        // The first assignment, in source order, whose condition the merged value meets.
        for assignment in candidates
        where base == nil || (assignments[assignment].reference.treatsEmptyAsUnset && base!.isEmpty) {
            return value(ofNode: definitions.count + assignment)
        }
        return base
    }

    /// What `reference` means inside definition `context`: the layer below for its own key.
    mutating func lookup(_ reference: Reference, in context: Int) -> String? {
        let name = reference.name
        guard name == key(of: context) else {
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
        if node < definitions.count, let text = literalValue(of: node) {
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
            let definition = definitions[node]
            if case .template(let template) = files[definition.file].entries[definition.entry].value {
                result = render(template.fragments, in: node)
            } else {
                result = literalValue(of: node) ?? ""
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
