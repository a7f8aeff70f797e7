import CInotifyTools
import Glibc
import Testing
@testable import TerwatchCore

/// The watcher's event handling, fed synthesized events (no inotify thread started).
@Suite struct WatcherEventHandlingTests {
    func handled(_ batch: [InotifyEvent]) async -> [WatchEvent] {
        let watcher = Watcher(sources: ["/nonexistent/.env"])
        await watcher.handle(batch)
        await watcher.stop()
        var seen: [WatchEvent] = []
        for await event in watcher.events { seen.append(event) }
        return seen
    }

    @Test func overflowAsksForARescan() async {
        #expect(InotifyEvent.overflow.wd == -1 && InotifyEvent.overflow.isOverflow)
        let change = InotifyEvent(wd: 3, mask: UInt32(IN_CLOSE_WRITE), name: ".env", directory: "/app")
        #expect(await handled([change, .overflow]) == [.rescan(.overflow)])
    }

    @Test func vanishedDirectoryAsksForARescan() async {
        let gone = InotifyEvent(wd: 4, mask: UInt32(IN_DELETE_SELF), directory: "/app/conf")
        #expect(await handled([gone]) == [.rescan(.vanished("/app/conf"))])
    }

    @Test func everyNameCountsAndABatchIsOneEvent() async {
        let batch = [
            InotifyEvent(wd: 3, mask: UInt32(IN_CREATE), name: "..2024_01_01", directory: "/vol"),
            InotifyEvent(wd: 3, mask: UInt32(IN_MOVED_TO), cookie: 7, name: "..data", directory: "/vol"),
            InotifyEvent(wd: 9, mask: UInt32(IN_CLOSE_WRITE), name: "ignored", directory: nil),
        ]
        #expect(await handled(batch) == [.changed(["/vol/..2024_01_01", "/vol/..data"])])
    }
}

extension WatcherIntegration {
    @Suite struct WatcherLifecycleTests {
        @Test func newSourcesAreWatchedAtOnceAndDroppedOnesUnwatched() async throws {
            let app = try TemporaryDirectory()
            let secrets = try TemporaryDirectory()
            Disk.write(app(".env"), "A=1\n")
            let harness = try await WatchHarness([app(".env")], in: app, secrets)
            await harness.watcher.watch([app(".env"), secrets("db_password")])
            #expect(await harness.watcher.sources == [app(".env"), secrets("db_password")])
            #expect(await harness.watcher.watchedDirectories == [app.path, secrets.path])
            #expect(await harness.reports({ Disk.write(secrets("db_password"), "s3cret") }, content: "s3cret", at: secrets("db_password")))
            await harness.watcher.watch([app(".env")])
            #expect(await harness.watcher.watchedDirectories == [app.path])
            await harness.stop()
        }

        @Test func missingFileIsSeenWhenItAppears() async throws {
            let root = try TemporaryDirectory()
            let env = root("conf/app/.env")
            let harness = try await WatchHarness([env], in: root)
            #expect(await harness.watcher.watchedDirectories == [root.path])
            let appeared = await harness.reports({
                Disk.mkdir(root("conf"))
                Disk.mkdir(root("conf/app"))
                Disk.write(env, "A=1\n")
            }) { watcher in
                await watcher.watchedDirectories == [root("conf/app")] && Disk.read(env) == "A=1\n"
            }
            #expect(appeared)
            await harness.stop()
        }

        @Test func deletedAndRecreatedDirectoryIsWatchedAgain() async throws {
            let root = try TemporaryDirectory()
            let conf = root("conf")
            Disk.mkdir(conf)
            Disk.write(conf + "/.env", "A=1\n")
            let harness = try await WatchHarness([conf + "/.env"], in: root)
            #expect(await harness.watcher.watchedDirectories == [conf])
            let vanished = await harness.reports({ Disk.removeTree(conf) }) { watcher in
                await watcher.watchedDirectories == [root.path]
                    && harness.events.values.contains(.rescan(.vanished(conf)))
            }
            #expect(vanished)
            let back = await harness.reports({ Disk.mkdir(conf) }) { watcher in
                await watcher.watchedDirectories == [conf]
            }
            #expect(back)
            // The removal's last events can re-add the watch before the creation of `conf` is handled, so that
            // creation may be reported with the write, in one change: look for a change naming the file.
            let mark = harness.events.values.count
            let written = await harness.reports({ Disk.write(conf + "/.env", "A=2\n") }) { _ in
                harness.events.values.dropFirst(mark).contains {
                    if case .changed(let paths) = $0 { return paths.contains(conf + "/.env") }
                    return false
                }
            }
            let watchedAfter = await harness.watcher.watchedDirectories
            #expect(written, "reports: \(harness.events.values), watched: \(watchedAfter)")
            await harness.stop()
        }

        @Test func newSubdirectoryOfADirectorySourceIsWatched() async throws {
            let root = try TemporaryDirectory()
            let harness = try await WatchHarness([root.path], in: root)
            #expect(await harness.watcher.watchedDirectories == [root.path])
            let watched = await harness.reports({ Disk.mkdir(root("sub")) }) { watcher in
                await watcher.watchedDirectories == [root.path, root("sub")]
            }
            #expect(watched)
            let seen = await harness.reports({ Disk.write(root("sub/b.env"), "B=1\n") }) { _ in
                harness.events.values.last == .changed([root("sub/b.env")])
            }
            #expect(seen)
            await harness.stop()
        }

        @Test func idleWatcherDoesNotWake() async throws {
            let root = try TemporaryDirectory()
            Disk.write(root(".env"), "A=1\n")
            let harness = try await WatchHarness([root(".env")], in: root)
            let task = try #require(await harness.watcher.inotifyTaskID)
            let deadline = ContinuousClock.now + .seconds(10)
            while taskStatus(task, "State")?.hasPrefix("S") != true && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(1))
            }
            #expect(taskStatus(task, "State")?.hasPrefix("S") == true)
            let before = taskStatus(task, "voluntary_ctxt_switches")
            let beforeForced = taskStatus(task, "nonvoluntary_ctxt_switches")
            try await Task.sleep(for: .seconds(1))
            #expect(before != nil)
            #expect(taskStatus(task, "voluntary_ctxt_switches") == before)
            #expect(taskStatus(task, "nonvoluntary_ctxt_switches") == beforeForced)
            #expect(harness.events.values.isEmpty)
            await harness.stop()
        }

        @Test func childrenDoNotInheritTheDescriptor() async throws {
            let root = try TemporaryDirectory()
            let harness = try await WatchHarness([root.path], in: root)
            let descriptor = try #require(await harness.watcher.inotifyDescriptor)
            #expect(LiveFileSystem.readLink("/proc/self/fd/\(descriptor)") == "anon_inode:inotify")
            let child = spawn(["ls", "-l", "/proc/self/fd/"])
            #expect(child.status == 0)
            #expect(!child.output.contains(" \(descriptor) -> anon_inode:inotify"))
            #expect(!child.output.contains("inotify"))
            await harness.stop()
        }
    }
}
