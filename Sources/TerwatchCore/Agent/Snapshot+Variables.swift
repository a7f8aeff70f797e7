extension Snapshot {
    /// The keys and values, in order: what a snapshot adds to a hook's or a child's environment.
    var variables: [(key: String, value: String)] {
        entries.map { (key: $0.key, value: $0.value) }
    }
}
