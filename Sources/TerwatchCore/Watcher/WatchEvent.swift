/// What the watcher tells the next stage after a batch of inotify events.
public enum WatchEvent: Sendable, Equatable {
    /// Why every source must be read again.
    public enum RescanReason: Sendable, Equatable {
        /// The kernel's event queue overflowed: events were lost.
        case overflow
        /// A watched directory was deleted or moved away.
        case vanished(String)
    }

    /// Sources may have changed; the paths the events named, for logs.
    case changed(Set<String>)
    /// Events may have been missed; read every source again.
    case rescan(RescanReason)
}
