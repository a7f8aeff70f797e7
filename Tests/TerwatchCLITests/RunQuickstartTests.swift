import Foundation
import Glibc
import Testing

extension RunTests {
    /// The README's main command on a copy of examples/quickstart: a web server whose greeting follows `.env`.
    @Suite struct Quickstart {
        /// Answers GET `port`/ through python's urllib (Foundation's URLSession is not dependable on Linux).
        private func fetch(_ sandbox: Sandbox, port: Int) throws -> ProcessResult {
            try sandbox.shell(#"python3 -c 'import sys, urllib.request; "#
                + #"sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' "#
                + "http://127.0.0.1:\(port)/")
        }

        /// A TCP port of the loopback that nothing listens on now.
        private func freePort(_ sandbox: Sandbox) throws -> Int {
            let result = try sandbox.shell(#"python3 -c 'import socket; s = socket.socket(); "#
                + #"s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'"#)
            return try #require(Int(result.stdout.dropLast()), "\(result)")
        }

        @Test func serverGreetsWithTheValueInForceAndFollowsAnEdit() throws {
            let sandbox = try Sandbox()
            let source = Sandbox.packageRoot.appendingPathComponent("examples/quickstart").path
            try sandbox.sh("mkdir -p examples/quickstart && cp -a '\(source)/.' examples/quickstart/")
            let port = try freePort(sandbox)
            try sandbox.sh("sed -i 's/^PORT=8080$/PORT=\(port)/' examples/quickstart/.env")

            // The README's command, with the server's stdout sent to the stderr read here.
            let run = try AgentProcess(
                sandbox,
                ["-c", #"exec 1>&2; exec "$TERWATCH" -f examples/quickstart/.env -- python3 examples/quickstart/server.py"#],
                executable: "/bin/sh", environment: ["TERWATCH": Sandbox.terwatch.path])
            defer { run.stop() }
            let ready = "ready on http://127.0.0.1:\(port)"
            try #require(run.waitForLine(containing: ready) != nil, "\(run.errorOutput)")
            #expect(try fetch(sandbox, port: port) == ProcessResult(stdout: "hello, quickstart!\tready\n", stderr: "", status: 0))

            let mark = run.lines.count
            try sandbox.sh(#"sed 's/^GREETING=.*/GREETING="bonjour, ${APP_NAME}!"/' examples/quickstart/.env > env.new"#
                + " && mv env.new examples/quickstart/.env")
            try #require(run.waitForLine(containing: ready, from: mark) != nil, "\(run.errorOutput)")
            #expect(try fetch(sandbox, port: port) == ProcessResult(stdout: "bonjour, quickstart!\n", stderr: "", status: 0))

            run.send(SIGTERM)
            #expect(run.waitForExit() == 0, "\(run.errorOutput)")
        }
    }
}
