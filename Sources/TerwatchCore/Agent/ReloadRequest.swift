/// What the agent's next load answers: settled source changes, a forced check (`SIGHUP`), or both, merged while a reload ran.
///
/// Every load reads every source, so requests that pile up while a reload is
/// under way merge into one: one load, one candidate, at most one generation.
public struct ReloadRequest: Sendable, Equatable {
    /// The settled changes, merged.
    public var changes: ChangeSet
    /// Whether a check was forced (`SIGHUP`).
    public var forced: Bool

    /// A request for `changes`, forced or not.
    public init(changes: ChangeSet = ChangeSet(), forced: Bool = false) {
        self.changes = changes
        self.forced = forced
    }

    /// A forced check with no source change.
    public static let forced = ReloadRequest(forced: true)

    /// Adds a request that came later: paths and counts add up, rescan reasons keep their first arrival, forced if either was.
    public mutating func merge(_ later: ReloadRequest) {
        changes.paths.formUnion(later.changes.paths)
        for reason in later.changes.rescanReasons where !changes.rescanReasons.contains(reason) {
            changes.rescanReasons.append(reason)
        }
        changes.eventCount += later.changes.eventCount
        forced = forced || later.forced
    }

    /// Why the load happens, for a debug line: `forced`, `overflow`, `vanished:/etc/app`, `3 events`, joined by `,`.
    public var cause: String {
        var causes: [String] = forced ? ["forced"] : []
        for reason in changes.rescanReasons {
            switch reason {
            case .overflow: causes.append("overflow")
            case .vanished(let directory): causes.append("vanished:" + directory)
            }
        }
        if changes.eventCount > 0 {
            causes.append("\(changes.eventCount) event" + (changes.eventCount == 1 ? "" : "s"))
        }
        return causes.joined(separator: ",")
    }
}
