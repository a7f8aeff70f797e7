import Glibc

/// Watches the directories of the sources with inotify and says when the sources may have changed.
///
/// Nothing is filtered by name (a Kubernetes `..data` swap never names the
/// file): every event in a watched directory counts. After each batch of
/// events the watch set is computed again from the sources and the watches
/// are brought in line with it, so new symlink targets, created directories
/// and recreated directories are watched. One `start()` and one `stop()`.
public actor Watcher {
    /// One value per batch of events, until `stop()` or a failure of the inotify thread.
    public nonisolated let events: AsyncStream<WatchEvent>
    /// The directories watched now.
    public private(set) var watchedDirectories: Set<String> = []
    /// The directories that could not be watched at the last update, with their errno.
    public private(set) var unwatchable: [String: Int32] = [:]
    /// Why the watcher stopped on its own, if it did.
    public private(set) var failure: InotifyError?

    private let output: AsyncStream<WatchEvent>.Continuation
    /// The files and directories watched for; `watch(_:)` replaces them.
    public private(set) var sources: [String]
    private let resolver: PathResolver<LiveFileSystem>
    private let mailbox = EventMailbox()
    private var thread: InotifyThread?
    private var consumer: Task<Void, Never>?
    /// Watched directories whose watch ended (deleted, moved, dropped by the kernel).
    private var stale: Set<String> = []

    /// A watcher of `sources` (files or directories, possibly missing); relative paths start at `workingDirectory`.
    public init(sources: [String], workingDirectory: String = LiveFileSystem.workingDirectory()) {
        self.sources = sources
        resolver = PathResolver(fileSystem: LiveFileSystem(), workingDirectory: workingDirectory)
        (events, output) = AsyncStream.makeStream()
    }

    /// The inotify thread's kernel task id, for diagnostics; nil when not running.
    public var inotifyTaskID: Int32? { thread?.taskID }

    /// The inotify descriptor, for diagnostics; nil when not running.
    public var inotifyDescriptor: Int32? { thread?.descriptor }

    /// Starts the inotify thread; returns once the sources' directories are watched.
    public func start() async throws {
        guard thread == nil, consumer == nil else { return }
        let mailbox = self.mailbox
        thread = try await InotifyThread.start(report: { mailbox.post($0) })
        await refreshWatches()
        consumer = Task {
            for await batch in mailbox.batches() {
                await self.handle(batch)
            }
        }
    }

    /// Watches `sources` from now on, and brings the watches in line at once (the paths a load names can change with each load).
    public func watch(_ sources: [String]) async {
        guard sources != self.sources else { return }
        self.sources = sources
        await refreshWatches()
    }

    /// Stops the inotify thread and ends `events`.
    public func stop() async {
        if let thread {
            self.thread = nil
            await thread.shutdown()
        }
        mailbox.close()
        await consumer?.value
        output.finish()
    }

    /// Handles one batch from the inotify thread.
    private func handle(_ batch: EventMailbox.Batch) async {
        await handle(batch.events)
        guard let error = batch.failure, failure == nil else { return }
        failure = error
        if let thread {
            self.thread = nil
            await thread.shutdown()
        }
        mailbox.close()
        output.finish()
    }

    /// Turns a batch of events into at most one `WatchEvent`, after bringing the watches up to date.
    func handle(_ batch: [InotifyEvent]) async {
        var touched = Set<String>()
        var rescan: WatchEvent.RescanReason?
        for event in batch {
            if event.isOverflow {
                rescan = .overflow
                continue
            }
            guard let directory = event.directory, let path = event.path else { continue }
            if event.endsWatch && event.name.isEmpty {
                stale.insert(directory)
                if rescan == nil { rescan = .vanished(directory) }
            }
            touched.insert(path)
        }
        let vanished = await refreshWatches()
        if rescan == nil, let gone = vanished.first { rescan = .vanished(gone) }
        if let rescan {
            output.yield(.rescan(rescan))
        } else if !touched.isEmpty {
            output.yield(.changed(touched))
        }
    }

    /// Computes the watch set again and applies the difference until it is stable.
    ///
    /// The tree may change between a resolution and the watches it asks for
    /// (a directory created meanwhile would go unseen), so the set is computed
    /// again after each update until nothing is left to change. Returns the
    /// directories dropped from the set because they no longer exist, sorted.
    @discardableResult
    private func refreshWatches() async -> [String] {
        var vanished: Set<String> = []
        for _ in 0..<Self.maximumRefreshRounds {
            guard let thread else { break }
            let wanted = WatchSet(sources: sources, resolver: resolver)
            let changes = wanted.changes(from: watchedDirectories, stale: stale)
            stale = []
            guard !changes.isEmpty else { break }
            for directory in changes.remove where resolver.fileSystem.node(at: directory) != .directory {
                vanished.insert(directory)
            }
            let result = await thread.update(adding: changes.add, removing: changes.remove)
            watchedDirectories.subtract(changes.remove)
            watchedDirectories.formUnion(result.added.keys)
            unwatchable = result.failed
        }
        return vanished.sorted()
    }

    /// How many times one refresh may compute and apply the watch set before giving up until the next event.
    static var maximumRefreshRounds: Int { 8 }
}
