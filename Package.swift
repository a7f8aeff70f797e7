// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "terwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "terwatch", targets: ["terwatch"]),
        .library(name: "TerwatchEnv", targets: ["TerwatchEnv"]),
        .library(name: "TerwatchCore", targets: ["TerwatchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The dotenv dialect: pure, standard library only.
        .target(name: "TerwatchEnv"),
        // Debian's libinotifytools0-dev; no pkg-config file, so the module map links it.
        .systemLibrary(
            name: "CInotifyTools",
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        // fork + execve with a parent-death signal for the wrapped child (posix_spawn cannot set one).
        .target(name: "CTerwatchSpawn"),
        .target(
            name: "TerwatchCore",
            dependencies: ["TerwatchEnv", "CInotifyTools", "CTerwatchSpawn"]
        ),
        .executableTarget(
            name: "terwatch",
            dependencies: [
                "TerwatchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode parse+expand throughput; run by scripts/bench-parse.sh.
        .executableTarget(
            name: "terwatch-bench-parse",
            dependencies: ["TerwatchEnv"],
            path: "Benchmarks/ParseThroughput"
        ),
        .testTarget(name: "TerwatchEnvTests", dependencies: ["TerwatchEnv"]),
        .testTarget(name: "TerwatchCoreTests", dependencies: ["TerwatchCore"]),
        .testTarget(name: "TerwatchCLITests", dependencies: ["terwatch"]),
    ]
)
