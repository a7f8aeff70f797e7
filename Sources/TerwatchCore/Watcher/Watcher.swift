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
    private let sources: [String]
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
        if let error = batch.failure, failure == nil {
            failure = error
            await stop()
        }
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
        await refreshWatches()
        if let rescan {
            output.yield(.rescan(rescan))
        } else if !touched.isEmpty {
            output.yield(.changed(touched))
        }
    }

    /// Computes the watch set again and applies the difference; retries when the tree moved meanwhile.
    private func refreshWatches() async {
        for _ in 0..<8 {
            guard let thread else { return }
            let wanted = WatchSet(sources: sources, resolver: resolver)
            let changes = wanted.changes(from: watchedDirectories, stale: stale)
            stale = []
            guard !changes.isEmpty else { return }
            let result = await thread.update(adding: changes.add, removing: changes.remove)
            watchedDirectories.subtract(changes.remove)
            watchedDirectories.formUnion(result.added.keys)
            unwatchable = result.failed
            guard result.failed.values.contains(where: { $0 == ENOENT || $0 == ENOTDIR }) else { return }
        }
    }
}
