/// Every watcher event of one settle window, coalesced: the input of one reload.
public struct ChangeSet: Sendable, Equatable {
    /// The paths the events named, for logs.
    public var paths: Set<String> = []
    /// Why every source must be read again, in arrival order without repeats; empty when none.
    public var rescanReasons: [WatchEvent.RescanReason] = []
    /// How many watcher events were coalesced.
    public var eventCount = 0

    /// An empty change set.
    public init() {}

    /// Whether events may have been missed, so every source must be read again.
    public var needsRescan: Bool { !rescanReasons.isEmpty }

    /// Adds one watcher event.
    public mutating func absorb(_ event: WatchEvent) {
        eventCount += 1
        switch event {
        case .changed(let touched):
            paths.formUnion(touched)
        case .rescan(let reason):
            if !rescanReasons.contains(reason) { rescanReasons.append(reason) }
        }
    }
}
