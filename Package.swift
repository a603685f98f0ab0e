// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "amparo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "amparo", targets: ["Amparo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Pure domain: no Vapor, no Fluent. Roles, typed IDs, TOTP, sealing, audit chain, QR, i18n.
        .target(
            name: "AmparoDomain",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Fluent models, the one ordered list of migrations, and database-specific repositories.
        .target(
            name: "AmparoPersistence",
            dependencies: [
                "AmparoDomain",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // Reading the files people import: spreadsheets (xlsx) and CSV, row by row. No Vapor, no Fluent.
        .target(
            name: "AmparoImport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The web kernel every feature stands on: HTML, the page chrome, form controls, downloads,
        // formatting, typed links, user-facing errors. Renderers built on it take no Request.
        .target(
            name: "AmparoWebKit",
            dependencies: [
                "AmparoDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // Fictional data for tests, benchmarks and `amparo generate-detainers`: the detainer generator
        // and its tables, the xlsx writer. Only the CLI and the tests link it, never the server.
        .target(
            name: "AmparoFixtures",
            dependencies: [
                "AmparoDomain",
                "AmparoImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Vapor: configure(app, config), middleware, one folder per feature.
        .target(
            name: "AmparoWeb",
            dependencies: [
                "AmparoDomain",
                "AmparoPersistence",
                "AmparoImport",
                "AmparoWebKit",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Thin executable: the CLI.
        .executableTarget(
            name: "Amparo",
            dependencies: [
                "AmparoWeb",
                "AmparoFixtures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AmparoDomainTests",
            dependencies: ["AmparoDomain", "AmparoImport", "AmparoFixtures"]
        ),
        .testTarget(
            name: "AmparoWebTests",
            dependencies: [
                "AmparoWeb",
                "AmparoWebKit",
                "AmparoFixtures",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Snapshots/__Snapshots__"]
        ),
    ]
)
