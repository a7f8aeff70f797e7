import CInotifyTools

/// One inotify event, copied out of libinotifytools' static buffer.
public struct InotifyEvent: Sendable, Equatable {
    /// The kernel watch descriptor; -1 for a queue overflow.
    public var wd: Int32
    /// The kernel event mask (`IN_*` bits).
    public var mask: UInt32
    /// The cookie pairing a `MOVED_FROM` with its `MOVED_TO`; 0 otherwise.
    public var cookie: UInt32
    /// The name of the entry inside the watched directory; empty for events on the directory itself.
    public var name: String
    /// The watched directory, from terwatch's own descriptor table; nil when the descriptor is unknown.
    public var directory: String?

    /// An event with the given fields.
    public init(wd: Int32, mask: UInt32, cookie: UInt32 = 0, name: String = "", directory: String? = nil) {
        self.wd = wd
        self.mask = mask
        self.cookie = cookie
        self.name = name
        self.directory = directory
    }

    /// The event the kernel queues when its event queue overflowed.
    public static let overflow = InotifyEvent(wd: -1, mask: UInt32(IN_Q_OVERFLOW))

    /// Whether this is a queue overflow: events were lost.
    public var isOverflow: Bool { mask & UInt32(IN_Q_OVERFLOW) != 0 }

    /// Whether the watched directory itself was deleted or moved, or its watch was dropped.
    public var endsWatch: Bool {
        mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED) | UInt32(IN_UNMOUNT)) != 0
    }

    /// The full path the event names: the directory joined with the entry name.
    public var path: String? {
        guard let directory else { return nil }
        if name.isEmpty { return directory }
        return directory == "/" ? "/" + name : directory + "/" + name
    }
}
