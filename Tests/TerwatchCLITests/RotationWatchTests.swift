import Testing

extension WatchTests {
    /// A secret whose value changes is reported under `rotated`, with fingerprints and no value, never under `changed`.
    @Suite struct RotationWatchTests {
        /// One way a key is secret: the files that define it, the options, and a shell command that rotates it twice.
        struct Kind: CustomTestStringConvertible, Sendable {
            var name: String
            var key: String
            var files: [String: String]
            var arguments: [String] = []
            /// Rotates the key to `$1` (run with `sh -c … sh VALUE`).
            var rotate: String
            var testDescription: String { name }
        }

        static let kinds = [
            Kind(name: "name pattern", key: "DB_PASSWORD", files: [".env": "HOST=db\nDB_PASSWORD=rotation-one-4f1a\n"],
                 rotate: #"printf 'HOST=db\nDB_PASSWORD=%s\n' "$1" > .env.tmp && mv .env.tmp .env"#),
            Kind(name: "secrets directory", key: "db_password",
                 files: [".env": "HOST=db\n", "run/secrets/db_password": "rotation-one-4f1a\n"],
                 arguments: ["--secrets-dir", "run/secrets"],
                 rotate: #"printf '%s\n' "$1" > run/secrets/.db_password.new && mv run/secrets/.db_password.new run/secrets/db_password"#),
            Kind(name: "NAME_FILE target", key: "DB_PASS",
                 files: [".env": "HOST=db\nDB_PASS_FILE=vault/db\n", "vault/db": "rotation-one-4f1a\n"],
                 arguments: ["--resolve-file-refs"],
                 rotate: #"printf '%s\n' "$1" > vault/db"#),
            Kind(name: "value shape", key: "CI_LOGIN",
                 files: [".env": "HOST=db\nCI_LOGIN=glpat-rotation-one-4f1a00\n"],
                 rotate: #"printf 'HOST=db\nCI_LOGIN=glpat-%s00\n' "$1" > .env.tmp && mv .env.tmp .env"#),
        ]

        @Test(arguments: kinds)
        func aChangedSecretIsRotatedWithFingerprintsAndNoValue(kind: Kind) throws {
            let session = try WatchSession.watching(files: kind.files, kind.arguments)
            try session.sh("set -- rotation-two-8c2e; " + kind.rotate)
            let first = try session.nextEvent()
            try session.sh("set -- rotation-three-b7d3; " + kind.rotate)
            let second = try session.nextEvent()
            session.stop()
            for (generation, event) in [(2, first), (3, second)] {
                #expect(event.generation == generation)
                #expect(event.rotated == [kind.key], "\(event)")
                #expect(event.changed == [] && event.added == [] && event.removed == [] && event.values == [:], "\(event)")
                let new = try #require(event.fingerprints?[kind.key], "\(event)")
                let old = try #require(event.previous_fingerprints?[kind.key], "\(event)")
                #expect(new.hasPrefix("hmac-sha256:") && old.hasPrefix("hmac-sha256:") && new != old, "\(event)")
                #expect(event.fingerprints?.count == 1 && event.previous_fingerprints?.count == 1)
            }
            #expect(second.previous_fingerprints?[kind.key] == first.fingerprints?[kind.key], "fingerprints chain")
            for value in ["rotation-one-4f1a", "rotation-two-8c2e", "rotation-three-b7d3"] {
                #expect(![first, second].contains { $0.line.contains(value) })
                #expect(!session.agent.errorOutput.contains(value), "\(session.agent.errorOutput)")
            }
        }

        @Test func kubernetesSwapOfSeveralSecretsIsOneGeneration() throws {
            let files = [
                ".env": "HOST=db\n",
                "secrets/..2026_01_01_00_00_00.1/db_password": "swap-one-db-31c7\n",
                "secrets/..2026_01_01_00_00_00.1/api_token": "swap-one-api-9e05\n",
                "secrets/..2026_01_01_00_00_00.1/tls_key": "swap-one-tls-6a2b\n",
                "secrets/..2026_01_01_00_00_00.1/username": "app\n",
            ]
            let session = try WatchSession.watching(files: files, ["--secrets-dir", "secrets"]) {
                try $0.sh("""
                    cd secrets && ln -s ..2026_01_01_00_00_00.1 ..data \
                    && for key in db_password api_token tls_key username; do ln -s ..data/$key $key; done
                    """)
            }
            try session.sh("""
                cd secrets && mkdir ..2026_01_01_00_05_00.2 && cd ..2026_01_01_00_05_00.2 \
                && printf 'swap-two-db-58d0\\n' > db_password && printf 'swap-two-api-c4f8\\n' > api_token \
                && printf 'swap-two-tls-17e9\\n' > tls_key && printf 'app\\n' > username && cd .. \
                && ln -s ..2026_01_01_00_05_00.2 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..2026_01_01_00_00_00.1
                """)
            let event = try session.nextEvent()
            #expect(event.generation == 2)
            #expect(event.rotated == ["api_token", "db_password", "tls_key"], "\(event)")
            #expect(event.changed == [] && event.added == [] && event.removed == [] && event.values == [:], "\(event)")
            #expect(Set(event.fingerprints?.keys.map { $0 } ?? []) == ["api_token", "db_password", "tls_key"])
            #expect(Set(event.previous_fingerprints?.keys.map { $0 } ?? []) == ["api_token", "db_password", "tls_key"])
            // Exactly one generation: the next event is the next change.
            try session.expectNextIsRealChange(generation: 3)
            session.stop()
            for value in ["swap-one-db-31c7", "swap-one-api-9e05", "swap-one-tls-6a2b", "swap-two-db-58d0", "swap-two-api-c4f8", "swap-two-tls-17e9"] {
                #expect(!event.line.contains(value))
                #expect(!session.agent.errorOutput.contains(value))
            }
        }
    }
}
