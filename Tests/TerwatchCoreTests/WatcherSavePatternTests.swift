import Glibc
import Testing
@testable import TerwatchCore

extension WatcherIntegration {
    /// Every way of saving from INOTIFY.md's table ends in a report after which the new content is there.
    @Suite struct SavePatternTests {
        let old = "A=1\n"
        let new = "A=2\n"

        func watchedEnv() async throws -> (TemporaryDirectory, String, WatchHarness) {
            let directory = try TemporaryDirectory()
            let env = directory(".env")
            Disk.write(env, old)
            let harness = try await WatchHarness([env], in: directory)
            #expect(await harness.watcher.watchedDirectories == [directory.path])
            return (directory, env, harness)
        }

        @Test func append() async throws {
            let (_, env, harness) = try await watchedEnv()
            #expect(await harness.reports({ Disk.write(env, "B=2\n", flags: O_WRONLY | O_APPEND) }, content: old + "B=2\n", at: env))
            await harness.stop()
        }

        @Test func truncateAndWrite() async throws {
            let (_, env, harness) = try await watchedEnv()
            #expect(await harness.reports({ Disk.write(env, new) }, content: new, at: env))
            await harness.stop()
        }

        @Test func writeTemporaryThenRename() async throws {
            let (directory, env, harness) = try await watchedEnv()
            let saved = await harness.reports({
                Disk.write(directory(".env.tmp"), new)
                Disk.rename(directory(".env.tmp"), env)
            }, content: new, at: env)
            #expect(saved)
            await harness.stop()
        }

        @Test func sedInPlace() async throws {
            let (_, env, harness) = try await watchedEnv()
            var status: Int32 = -1
            let saved = await harness.reports({ status = spawn(["sed", "-i", "s/A=1/A=2/", env]).status }, content: new, at: env)
            #expect(status == 0)
            #expect(saved)
            await harness.stop()
        }

        @Test func vimRenameSaveWithBackup() async throws {
            let (directory, env, harness) = try await watchedEnv()
            let saved = await harness.reports({
                Disk.write(directory(".env.swp"), "swap")
                Disk.write(directory("4913"), "")
                Disk.unlink(directory("4913"))
                Disk.rename(env, directory(".env~"))
                Disk.write(env, new)
                Disk.unlink(directory(".env~"))
                Disk.unlink(directory(".env.swp"))
            }, content: new, at: env)
            #expect(saved)
            await harness.stop()
        }

        @Test func removeAndRecreate() async throws {
            let (_, env, harness) = try await watchedEnv()
            #expect(await harness.reports({ Disk.unlink(env); Disk.write(env, new) }, content: new, at: env))
            await harness.stop()
        }

        @Test func kubernetesVolumeUpdate() async throws {
            let volume = try TemporaryDirectory()
            let first = volume("..2024_01_01_00_00_00.000000001")
            Disk.mkdir(first)
            Disk.write(first + "/.env", old)
            Disk.symlink("..2024_01_01_00_00_00.000000001", at: volume("..data"))
            Disk.symlink("..data/.env", at: volume(".env"))
            let harness = try await WatchHarness([volume(".env")], in: volume)
            #expect(await harness.watcher.watchedDirectories == [volume.path, first])
            let second = volume("..2024_01_01_00_01_00.000000002")
            let updated = await harness.reports({
                Disk.mkdir(second)
                Disk.write(second + "/.env", new)
                Disk.symlink("..2024_01_01_00_01_00.000000002", at: volume("..data_tmp"))
                Disk.rename(volume("..data_tmp"), volume("..data"))
                Disk.removeTree(first)
            }) { watcher in
                let watched = await watcher.watchedDirectories
                return Disk.read(volume(".env")) == "A=2\n" && watched == [volume.path, second]
            }
            #expect(updated)
            await harness.stop()
        }

        @Test func symlinkTargetRenamedOverInAnotherDirectory() async throws {
            let app = try TemporaryDirectory()
            let shared = try TemporaryDirectory()
            Disk.write(shared("app.env"), old)
            Disk.symlink(shared("app.env"), at: app(".env"))
            let harness = try await WatchHarness([app(".env")], in: app, shared)
            #expect(await harness.watcher.watchedDirectories == [app.path, shared.path])
            let saved = await harness.reports({
                Disk.write(shared("app.env.tmp"), new)
                Disk.rename(shared("app.env.tmp"), shared("app.env"))
            }, content: new, at: app(".env"))
            #expect(saved)
            await harness.stop()
        }

        @Test func retargetedSymlinkMovesTheWatch() async throws {
            let app = try TemporaryDirectory()
            let v1 = try TemporaryDirectory()
            let v2 = try TemporaryDirectory()
            Disk.write(v1("app.env"), old)
            Disk.write(v2("app.env"), new)
            Disk.symlink(v1("app.env"), at: app(".env"))
            let harness = try await WatchHarness([app(".env")], in: app, v1, v2)
            #expect(await harness.watcher.watchedDirectories == [app.path, v1.path])
            let moved = await harness.reports({
                Disk.symlink(v2("app.env"), at: app(".env.next"))
                Disk.rename(app(".env.next"), app(".env"))
            }) { watcher in
                await watcher.watchedDirectories == [app.path, v2.path] && Disk.read(app(".env")) == "A=2\n"
            }
            #expect(moved)
            await harness.stop()
        }
    }
}
