/// terwatch's own map between kernel watch descriptors and watched directories.
///
/// libinotifytools keeps such maps too, but they go stale after renames and
/// re-adds; this one is updated from what the kernel actually returned.
struct WatchTable: Equatable, Sendable {
    /// The directory each live descriptor was added for.
    private(set) var directoryByWD: [Int32: String] = [:]
    /// The descriptor each watched directory got.
    private(set) var wdByDirectory: [String: Int32] = [:]

    /// The watched directory of a descriptor, if it is live.
    func directory(of wd: Int32) -> String? { directoryByWD[wd] }

    /// The descriptor of a watched directory, if it is watched.
    func wd(of directory: String) -> Int32? { wdByDirectory[directory] }

    /// Every watched directory.
    var directories: Set<String> { Set(wdByDirectory.keys) }

    /// Records that `directory` is watched by `wd` (two paths of one inode share a descriptor).
    mutating func insert(wd: Int32, directory: String) {
        wdByDirectory[directory] = wd
        if directoryByWD[wd] == nil { directoryByWD[wd] = directory }
    }

    /// Forgets `directory`; returns its descriptor when no other directory shares it, so it can be removed.
    mutating func remove(directory: String) -> Int32? {
        guard let wd = wdByDirectory.removeValue(forKey: directory) else { return nil }
        if let other = wdByDirectory.first(where: { $0.value == wd })?.key {
            directoryByWD[wd] = other
            return nil
        }
        directoryByWD[wd] = nil
        return wd
    }

    /// Forgets a descriptor the kernel dropped; returns the directories it watched.
    mutating func drop(wd: Int32) -> [String] {
        directoryByWD[wd] = nil
        let gone = wdByDirectory.filter { $0.value == wd }.map(\.key).sorted()
        for directory in gone { wdByDirectory[directory] = nil }
        return gone
    }
}
