import CInotifyTools

/// Facts about the linked libinotifytools.
public enum InotifyLibrary {
    /// The inotify event mask terwatch asks for: finished writes, renames, creation, deletion, attributes.
    public static let watchMask: UInt32 =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// The name libinotifytools gives an event mask, e.g. `CLOSE_WRITE`.
    ///
    /// It writes a static buffer of the library: never call it from two threads at once
    /// (the inotify thread itself never calls it).
    public static func name(ofEvents mask: UInt32) -> String {
        guard let text = inotifytools_event_to_str(Int32(bitPattern: mask)) else { return "" }
        return String(cString: text)
    }
}
