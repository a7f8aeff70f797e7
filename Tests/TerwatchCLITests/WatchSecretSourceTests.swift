import Testing

extension WatchTests {
    /// Secrets directories and `NAME_FILE` targets are watched like the env files, and their values never show.
    @Suite struct SecretSourceTests {
        @Test func kubernetesSecretVolumeUpdateRotatesTheKey() throws {
            let session = try WatchSession.watching(
                files: [".env": "HOST=db\n", "secrets/..2024_01_01/db_password": "first-secret-value\n"],
                ["--secrets-dir", "secrets"]
            ) {
                try $0.sh("cd secrets && ln -s ..2024_01_01 ..data && ln -s ..data/db_password db_password")
            }
            try session.sh("""
                cd secrets && mkdir ..2024_01_02 && printf 'second-secret-value\\n' > ..2024_01_02/db_password \
                && ln -s ..2024_01_02 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..2024_01_01
                """)
            let event = try session.nextEvent()
            #expect(event.generation == 2)
            #expect(event.rotated == ["db_password"])
            #expect(event.changed == [] && event.added == [] && event.removed == [] && event.values == [:])
            #expect(event.fingerprints?["db_password"]?.hasPrefix("hmac-sha256:") == true)
            session.stop()
            for secret in ["first-secret-value", "second-secret-value"] {
                #expect(!event.line.contains(secret))
                #expect(!session.agent.errorOutput.contains(secret))
            }
        }

        @Test func fileReferenceTargetInAnotherDirectoryIsWatchedAndFollowsItsKey() throws {
            let session = try WatchSession.watching(
                files: [".env": "DB_PASSWORD_FILE=vault/a/pw\n", "vault/a/pw": "first-password\n", "vault/b/pw": "third-password\n"],
                ["--resolve-file-refs"])
            try session.sh("printf 'second-password\\n' > vault/a/pw.tmp && mv vault/a/pw.tmp vault/a/pw")
            let rotated = try session.nextEvent()
            #expect(rotated.generation == 2)
            #expect(rotated.rotated == ["DB_PASSWORD"])
            try session.sh("printf 'DB_PASSWORD_FILE=vault/b/pw\\n' > .env.tmp && mv .env.tmp .env")
            let moved = try session.nextEvent()
            #expect(moved.generation == 3)
            #expect(moved.changed == [])
            #expect(moved.rotated == ["DB_PASSWORD_FILE", "DB_PASSWORD"], "its name makes DB_PASSWORD_FILE secret too")
            try session.sh("printf 'fourth-password\\n' > vault/b/pw.tmp && mv vault/b/pw.tmp vault/b/pw")
            let again = try session.nextEvent()
            #expect(again.generation == 4)
            #expect(again.rotated == ["DB_PASSWORD"])
            session.stop()
            for secret in ["first-password", "second-password", "third-password", "fourth-password"] {
                #expect(![rotated, moved, again].contains { $0.line.contains(secret) })
                #expect(!session.agent.errorOutput.contains(secret))
            }
        }
    }
}
