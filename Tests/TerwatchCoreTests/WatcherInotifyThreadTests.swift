import CInotifyTools
import Glibc
import Synchronization
import Testing
@testable import TerwatchCore

extension WatcherIntegration {
    @Suite struct InotifyThreadTests {
        @Test func eventsNameTheirDirectoryAndEntry() async throws {
            let directory = try TemporaryDirectory()
            let reports = Recorder<InotifyThread.Report>()
            let thread = try await InotifyThread.start { reports.record($0) }
            let result = await thread.update(adding: [directory.path])
            #expect(Array(result.added.keys) == [directory.path])
            #expect(result.failed.isEmpty)
            Disk.write(directory("a.env"), "A=1\n")
            let seen = await reports.waitUntil(after: 0) { reports in
                reports.contains {
                    guard case .event(let event) = $0 else { return false }
                    return event.name == "a.env" && event.mask & UInt32(IN_CLOSE_WRITE) != 0
                        && event.directory == directory.path && event.path == directory("a.env")
                }
            }
            #expect(seen)
            #expect(!reports.values.contains { if case .event(let event) = $0 { event.mask & UInt32(IN_MODIFY) != 0 } else { true } })
            await thread.shutdown()
        }

        @Test func missingDirectoryFailsWithItsErrno() async throws {
            let directory = try TemporaryDirectory()
            let thread = try await InotifyThread.start { _ in }
            Disk.write(directory("file"), "")
            let result = await thread.update(adding: [directory("missing"), directory("file")])
            #expect(result.failed == [directory("missing"): ENOENT, directory("file"): ENOTDIR])
            await thread.shutdown()
        }

        @Test func onlyOneThreadRunsAtATime() async throws {
            let first = try await InotifyThread.start { _ in }
            await #expect(throws: InotifyError.alreadyRunning) { try await InotifyThread.start { _ in } }
            await first.shutdown()
            let second = try await InotifyThread.start { _ in }
            await second.shutdown()
            let refused = await second.update(adding: ["/tmp"])
            #expect(refused.failed == ["/tmp": EBADF])
        }

        /// How many wake directories exist where this process makes them.
        private func wakeDirectories() -> Int {
            let base = WakeDirectory.baseDirectory()
            guard let directory = opendir(base) else { return -1 }
            defer { closedir(directory) }
            var count = 0
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasPrefix("terwatch-inotify-"), access("\(base)/\(name)/wake", F_OK) == 0 { count += 1 }
            }
            return count
        }

        @Test func aThreadLaunchedEarlyIsAdoptedByStart() async throws {
            let directory = try TemporaryDirectory()
            let before = wakeDirectories()
            InotifyThread.launchEarly()
            let reports = Recorder<InotifyThread.Report>()
            let thread = try await InotifyThread.start { reports.record($0) }
            // Adopted: nothing is left to discard, and one wake directory serves the one thread.
            InotifyThread.discardEarly()
            #expect(wakeDirectories() == before + 1)
            #expect(await thread.update(adding: [directory.path]).added.keys.sorted() == [directory.path])
            Disk.write(directory("a.env"), "A=1\n")
            let seen = await reports.waitUntil(after: 0) { reports in
                reports.contains { if case .event(let event) = $0 { event.path == directory("a.env") } else { false } }
            }
            #expect(seen)
            await thread.shutdown()
            #expect(wakeDirectories() == before)
        }

        @Test func aThreadLaunchedEarlyAndDiscardedLeavesNothingBehind() async throws {
            let before = wakeDirectories()
            InotifyThread.launchEarly()
            InotifyThread.discardEarly()
            #expect(wakeDirectories() == before)
            let next = try await InotifyThread.start { _ in }
            await next.shutdown()
        }

        @Test func aThreadLaunchedEarlyForAnotherMaskIsReplaced() async throws {
            let directory = try TemporaryDirectory()
            let before = wakeDirectories()
            InotifyThread.launchEarly()
            let reports = Recorder<InotifyThread.Report>()
            let thread = try await InotifyThread.start(mask: UInt32(IN_CREATE)) { reports.record($0) }
            #expect(wakeDirectories() == before + 1)
            _ = await thread.update(adding: [directory.path])
            Disk.write(directory("a.env"), "A=1\n")
            let seen = await reports.waitUntil(after: 0) { reports in
                reports.contains { if case .event(let event) = $0 { event.mask & UInt32(IN_CREATE) != 0 } else { false } }
            }
            #expect(seen)
            #expect(!reports.values.contains { if case .event(let event) = $0 { event.mask & UInt32(IN_CLOSE_WRITE) != 0 } else { false } })
            await thread.shutdown()
            #expect(wakeDirectories() == before)
        }

        @Test func descriptorIsCloseOnExecAndNotInherited() async throws {
            let thread = try await InotifyThread.start { _ in }
            #expect(thread.descriptor < FD_SETSIZE)
            #expect(LiveFileSystem.readLink("/proc/self/fd/\(thread.descriptor)") == "anon_inode:inotify")
            #expect(InotifyDescriptor.isCloseOnExec(thread.descriptor))
            let child = spawn(["ls", "-l", "/proc/self/fd/"])
            #expect(child.status == 0)
            #expect(child.output.contains(" 1 -> "))
            #expect(!child.output.contains("inotify"))
            await thread.shutdown()
            #expect(LiveFileSystem.readLink("/proc/self/fd/\(thread.descriptor)") != "anon_inode:inotify")
        }

        /// Whether `thread` answers a shutdown before the deadline (a thread that never answers is left behind).
        private func stops(_ thread: InotifyThread) async -> Bool {
            let stopped = Mutex(false)
            Task { await thread.shutdown(); stopped.withLock { $0 = true } }
            return await ProcessProbe.eventually { stopped.withLock { $0 } }
        }

        @Test func removedWakeFileIsRecreated() async throws {
            let thread = try await InotifyThread.start { _ in }
            Disk.unlink(thread.wakeFile)
            #expect(await ProcessProbe.eventually { LiveFileSystem().node(at: thread.wakeFile) == .file })
            // The thread still answers through it.
            #expect(await stops(thread))
        }

        @Test func movedWakeDirectoryIsReplaced() async throws {
            let thread = try await InotifyThread.start { _ in }
            let old = parentPath(thread.wakeFile)
            let moved = old + ".moved"
            Disk.rename(old, moved)
            defer { Disk.removeTree(moved) }
            #expect(await ProcessProbe.eventually { parentPath(thread.wakeFile) != old })
            #expect(LiveFileSystem().node(at: thread.wakeFile) == .file)
            #expect(await stops(thread))
        }
    }
}
