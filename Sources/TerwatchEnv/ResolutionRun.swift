/// One resolution: the merged definitions, their lazily computed values, and what went wrong.
///
/// Every definition and every `${NAME:=word}` assignment is a node; a node's value is
/// computed once, on first use, so forward references resolve and the cost stays linear.
/// The files are read in their compact form (`CompactFile`): names are hashed once by
/// the parser and compared as bytes in place, literal values are copied straight from
/// the file's bytes, and strings are made only for what the resolution returns.
struct ResolutionRun {
    /// One definition of a key, in merged order: where its record is, read in place.
    struct Definition {
        let file: Int32
        let entry: Int32
        /// The definition of the same key just below this one, for self-references; -1 for none.
        let previous: Int32
        /// Its index in the evaluation state (`state`, `memo`, `chainDepth`); -1 for a literal, which needs none.
        let evaluation: Int32
    }

    /// One key of the merged set: its first and last definitions, and where its name is (kept here for lookups).
    struct Slot {
        let first: Int32
        var last: Int32
        /// The file of the first definition, whose key is `key`.
        let keyFile: Int32
        let key: TextRange

        init(first: Int, name: Name) {
            self.first = Int32(first)
            last = Int32(first)
            keyFile = Int32(truncatingIfNeeded: name.file)
            key = name.range
        }
    }

    /// A key or variable name: bytes of one of the files, and their `NameBytes.hash`.
    struct Name {
        let hash: Int
        let range: TextRange
        private let fileIndex: Int32

        init(file: Int, range: TextRange, hash: Int) {
            self.hash = hash
            self.range = range
            fileIndex = Int32(truncatingIfNeeded: file)
        }

        /// The index of the file.
        var file: Int { Int(fileIndex) }
    }

    /// The first and last definitions of the key a reference names, both -1 when the files do not define it.
    struct ReferenceTarget {
        let first: Int32
        let last: Int32
    }

    /// A `${NAME:=word}` or `${NAME=word}` that gives NAME its value when NAME is unset.
    struct Assignment {
        let name: Name
        /// The reference, in the references of the name's file.
        let reference: Int
        /// The definition the reference stands in, which is its context for lookups.
        let definition: Int
        /// The index in `assignmentGroups` of the assignments to the same name.
        var group = 0
    }

    enum State: UInt8 {
        case pending, evaluating, done
    }

    let files: [ParsedFile]
    /// Each file's records, template parts and references (see `CompactFile`), and its bytes.
    let records: [[EntryRecord]]
    let parts: [[TemplatePart]]
    let references: [[ReferenceRecord]]
    /// Whether each file has a `${NAME:=word}` or `${NAME=word}`.
    let hasAssignments: [Bool]
    let texts: [BoundText]
    let options: Resolver.Options
    let environment: (String) -> String?

    var definitions: [Definition] = []
    var assignments: [Assignment] = []
    /// The keys in order of first appearance.
    var slots: [Slot] = []
    /// Each key's index in `slots`.
    var slotTable = NameTable(capacity: 0)
    /// Each assigned name's index in `assignmentGroups`.
    var assignmentTable = NameTable(capacity: 0)
    /// The definitions of the key each reference names: that of reference `index` of
    /// `file` at `referenceTargets[referenceBase[file] + index]`.
    var referenceTargets: [ReferenceTarget] = []
    var referenceBase: [Int] = []
    /// The indices in `assignments` of the assignments to each name, in source order.
    var assignmentGroups: [[Int]] = []
    /// The values of bare `KEY` lines that copy an inherited variable, by definition.
    var inheritedValues: [(evaluation: Int, value: String)] = []

    /// The number of definitions that need evaluation state; assignments come after them.
    var evaluatedDefinitions = 0
    /// Evaluation state of the templates, inherited values and assignments (see `evaluation(of:)`).
    var state: [State] = []
    var memo: [String] = []
    var chainDepth: [Int32] = []
    var stack: [Int] = []
    var reportedCycleNodes: Set<Int> = []
    var reportedDepth = false
    var reportedSize = false
    var diagnostics: [Diagnostic] = []
    /// The bytes of the values being rendered, innermost last.
    var renderBuffer: [UInt8] = []

    /// A run over `files`, whose compact forms are `compacts`, with their bytes bound to `texts`.
    init(
        files: [ParsedFile], compacts: [CompactFile], texts: [BoundText],
        options: Resolver.Options, environment: @escaping (String) -> String?
    ) {
        self.files = files
        records = compacts.map(\.records)
        parts = compacts.map(\.parts)
        references = compacts.map(\.references)
        hasAssignments = compacts.map(\.hasAssignments)
        self.texts = texts
        self.options = options
        self.environment = environment
    }

    /// Merges, then evaluates every key's final value in order.
    mutating func resolve() -> Resolution {
        merge()
        let evaluationCount = evaluatedDefinitions + assignments.count
        state = Array(repeating: .pending, count: evaluationCount)
        memo = Array(repeating: "", count: evaluationCount)
        chainDepth = Array(repeating: 0, count: evaluationCount)
        for (evaluation, value) in inheritedValues {
            memo[evaluation] = value
            state[evaluation] = .done
        }
        var entries: [ResolvedEntry] = []
        entries.reserveCapacity(slots.count)
        for slot in slots {
            let first = Int(slot.first)
            let last = Int(slot.last)
            let key = key(of: first)
            var value = ""
            if let found = finalValue(of: name(of: first), last: last) { value = string(found) }
            let path = files[Int(definitions[last].file)].path
            entries.append(ResolvedEntry(key: key, value: value, path: path, position: position(of: last)))
        }
        // Names that only `${NAME:=word}` defines come last, in the order of their first assignment.
        for (index, assignment) in assignments.enumerated()
        where slotIndex(of: assignment.name) == nil && assignmentGroups[assignment.group].first == index {
            let name = string(assignment.name)
            guard let found = finalValue(of: assignment.name, last: nil) else { continue }
            let value = string(found)
            guard value != environment(name) else { continue }
            entries.append(ResolvedEntry(
                key: name, value: value,
                path: files[Int(definitions[assignment.definition].file)].path,
                position: reference(of: assignment).position
            ))
        }
        return Resolution(entries: entries, diagnostics: diagnostics)
    }

    // MARK: Merging

    /// Flattens the files into definitions and finds the assignments.
    private mutating func merge() {
        let entryCount = records.reduce(0) { $0 + $1.count }
        definitions.reserveCapacity(entryCount)
        slots.reserveCapacity(entryCount)
        slotTable = NameTable(capacity: entryCount)
        for fileIndex in records.indices {
            for (entryIndex, record) in records[fileIndex].enumerated() {
                let index = definitions.count
                var evaluation = -1
                switch record.value {
                case .literal:
                    break
                case .template:
                    evaluation = evaluatedDefinitions
                case .inherited:
                    guard let value = environment(texts[fileIndex].string(record.key)) else { continue }
                    evaluation = evaluatedDefinitions
                    inheritedValues.append((evaluation, value))
                }
                if evaluation >= 0 { evaluatedDefinitions += 1 }
                let name = Name(file: fileIndex, range: record.key, hash: record.keyHash)
                var previous = -1
                if let slot = slotIndex(of: name) {
                    previous = Int(slots[slot].last)
                    slots[slot].last = Int32(index)
                    warnIfDuplicate(record, inFile: fileIndex, below: previous)
                } else {
                    slotTable.insert(hash: name.hash, index: slots.count)
                    slots.append(Slot(first: index, name: name))
                }
                definitions.append(Definition(
                    file: Int32(fileIndex), entry: Int32(entryIndex), previous: Int32(previous), evaluation: Int32(evaluation)
                ))
                if hasAssignments[fileIndex], case .template(let parts) = record.value {
                    collectAssignments(parts.range, file: fileIndex, definition: index)
                }
            }
        }
        groupAssignments()
        findReferencedSlots()
    }

    /// Looks up the key of every reference, in one pass: the lookups do not wait for each
    /// other, so the processor overlaps their cache misses, which dominate on a large file.
    private mutating func findReferencedSlots() {
        referenceBase.reserveCapacity(references.count)
        referenceTargets.reserveCapacity(references.reduce(0) { $0 + $1.count })
        for file in references.indices {
            referenceBase.append(referenceTargets.count)
            for reference in references[file] {
                if let slot = slotIndex(of: Name(file: file, range: reference.name, hash: reference.nameHash)) {
                    referenceTargets.append(ReferenceTarget(first: slots[slot].first, last: slots[slot].last))
                } else {
                    referenceTargets.append(ReferenceTarget(first: -1, last: -1))
                }
            }
        }
    }

    private mutating func collectAssignments(_ parts: Range<Int>, file: Int, definition: Int) {
        for case .reference(let index) in self.parts[file][parts] {
            let reference = references[file][index]
            if reference.operation == .assignDefault {
                let name = Name(file: file, range: reference.name, hash: reference.nameHash)
                assignments.append(Assignment(name: name, reference: index, definition: definition))
            }
            collectAssignments(reference.word, file: file, definition: definition)
        }
    }

    /// Groups the assignments by name.
    private mutating func groupAssignments() {
        guard !assignments.isEmpty else { return }
        assignmentTable = NameTable(capacity: assignments.count)
        for index in assignments.indices {
            let name = assignments[index].name
            if let group = assignmentGroup(of: name) {
                assignmentGroups[group].append(index)
                assignments[index].group = group
            } else {
                assignmentTable.insert(hash: name.hash, index: assignmentGroups.count)
                assignments[index].group = assignmentGroups.count
                assignmentGroups.append([index])
            }
        }
    }

    // MARK: Names and definitions

    /// Whether two names are the same bytes.
    func same(_ lhs: Name, _ rhs: Name) -> Bool {
        guard lhs.hash == rhs.hash && lhs.range.count == rhs.range.count else { return false }
        return NameBytes.equal(texts[lhs.file].bytes(lhs.range), texts[rhs.file].bytes(rhs.range))
    }

    /// The index in `slots` of the key `name`, if the files define it.
    func slotIndex(of name: Name) -> Int? {
        for slot in slotTable.candidates(for: name.hash) where isKey(of: slots[slot], name) {
            return slot
        }
        return nil
    }

    /// Whether `name` is the key of `slot` (the table's tag stood in for comparing hashes).
    @inline(__always) private func isKey(of slot: Slot, _ name: Name) -> Bool {
        slot.key.count == name.range.count
            && NameBytes.equal(texts[Int(slot.keyFile)].bytes(slot.key), texts[name.file].bytes(name.range))
    }

    /// The index in `assignmentGroups` of the assignments to `name`, if there are any.
    func assignmentGroup(of name: Name) -> Int? {
        for group in assignmentTable.candidates(for: name.hash) where same(name, assignments[assignmentGroups[group][0]].name) {
            return group
        }
        return nil
    }

    /// The index of node `node` in the evaluation state; -1 for a literal definition.
    func evaluation(of node: Int) -> Int {
        node < definitions.count ? Int(definitions[node].evaluation) : evaluatedDefinitions + node - definitions.count
    }

    /// The record of definition `index`.
    func record(of index: Int) -> EntryRecord {
        let definition = definitions[index]
        return records[Int(definition.file)][Int(definition.entry)]
    }

    /// The key definition `index` defines, as a name.
    func name(of index: Int) -> Name {
        let record = record(of: index)
        return Name(file: Int(definitions[index].file), range: record.key, hash: record.keyHash)
    }

    /// The key definition `index` defines.
    func key(of index: Int) -> String {
        string(name(of: index))
    }

    /// Where definition `index`'s key stands.
    func position(of index: Int) -> SourcePosition {
        record(of: index).position
    }

    /// The reference of an assignment.
    func reference(of assignment: Assignment) -> ReferenceRecord {
        references[assignment.name.file][assignment.reference]
    }

    /// The text of `name`.
    func string(_ name: Name) -> String {
        texts[name.file].string(name.range)
    }
}
