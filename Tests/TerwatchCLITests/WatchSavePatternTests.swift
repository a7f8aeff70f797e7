import Testing

extension WatchTests {
    /// Each way of saving in INOTIFY.md's table gives exactly one event with the new values.
    @Suite struct SavePatternTests {
        /// Starts on `A=1 B=x`, saves with `script`, expects `expected` (generation 2), then proves nothing else came.
        private func check(_ script: String, _ expected: Event) throws {
            let session = try WatchSession.watching()
            try session.sh(script)
            let event = try session.nextEvent()
            #expect(event == expected)
            #expect(event.sources == [".env"])
            try session.expectNextIsRealChange(generation: 3)
        }

        @Test func append() throws {
            try check("echo C=3 >> .env", .reload(2, added: ["C"], values: ["C": "3"]))
        }

        @Test func truncateAndWrite() throws {
            try check("printf 'A=2\\nB=x\\n' > new && cat new > .env", .reload(2, changed: ["A"], values: ["A": "2"]))
        }

        @Test func writeTemporaryThenRename() throws {
            try check("printf 'A=2\\nB=y\\n' > .env.tmp && mv .env.tmp .env", .reload(2, changed: ["A", "B"], values: ["A": "2", "B": "y"]))
        }

        @Test func sedInPlace() throws {
            try check("sed -i 's/^A=1$/A=2/' .env", .reload(2, changed: ["A"], values: ["A": "2"]))
        }

        @Test func vimStyleBackupAndRename() throws {
            try check("""
                echo swap > .env.swp && : > 4913 && rm 4913 && mv .env .env~ \
                && printf 'A=1\\n' > .env && printf 'B=x\\nC=vim\\n' >> .env && rm .env~ .env.swp
                """, .reload(2, added: ["C"], values: ["C": "vim"]))
        }

        @Test func removeAndRecreate() throws {
            try check("rm .env && printf 'B=x\\n' > .env", .reload(2, removed: ["A"]))
        }

        @Test func kubernetesDataSwap() throws {
            let session = try WatchSession.watching(files: ["vol/..2024_01_01/.env": "A=1\nB=x\n"], ["-f", "vol/.env"]) {
                try $0.sh("cd vol && ln -s ..2024_01_01 ..data && ln -s ..data/.env .env")
            }
            // As the kubelet does: a new timestamped directory, a new ..data symlink renamed over the old one, the old directory removed.
            try session.sh("""
                cd vol && mkdir ..2024_01_02 && printf 'A=2\\nB=x\\n' > ..2024_01_02/.env \
                && ln -s ..2024_01_02 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..2024_01_01
                """)
            let event = try session.nextEvent()
            #expect(event == .reload(2, changed: ["A"], values: ["A": "2"]))
            #expect(event.sources == ["vol/.env"])
            try session.sh("""
                cd vol && mkdir ..2024_01_03 && printf 'A=3\\nB=x\\n' > ..2024_01_03/.env \
                && ln -s ..2024_01_03 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..2024_01_02
                """)
            #expect(try session.nextEvent() == .reload(3, changed: ["A"], values: ["A": "3"]))
        }

        @Test func symlinkIntoAnotherDirectoryWhoseTargetIsRenamedOver() throws {
            let session = try WatchSession.watching(files: ["shared/app.env": "A=1\nB=x\n", "app/keep": ""], ["-f", "app/.env"]) {
                try $0.sh("ln -s ../shared/app.env app/.env")
            }
            try session.sh("printf 'A=2\\nB=x\\n' > shared/app.env.tmp && mv shared/app.env.tmp shared/app.env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            try session.sh("printf 'A=3\\nB=x\\n' > shared/app.env.tmp && mv shared/app.env.tmp shared/app.env")
            #expect(try session.nextEvent() == .reload(3, changed: ["A"], values: ["A": "3"]))
        }
    }
}
