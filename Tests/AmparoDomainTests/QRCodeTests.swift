import Foundation
import XCTest

@testable import AmparoDomain

/// The QR encoder, checked by a real decoder: the SVG is rasterized with rsvg-convert and read back
/// with zbarimg (Debian's librsvg2-bin and zbar-tools, installed by .ci/run).
final class QRCodeTests: XCTestCase {
    func testVersionSelection() throws {
        XCTAssertEqual(try QRCode.encode(String(repeating: "a", count: 14), correction: .medium).version, 1)
        XCTAssertEqual(try QRCode.encode(String(repeating: "a", count: 15), correction: .medium).version, 2)
        XCTAssertEqual(try QRCode.encode(String(repeating: "a", count: 17), correction: .low).version, 1)
        XCTAssertEqual(try QRCode.encode(String(repeating: "a", count: 2953), correction: .low).version, 40, "the standard's largest byte capacity")
        XCTAssertThrowsError(try QRCode.encode(String(repeating: "a", count: 2954), correction: .low))
        XCTAssertEqual(try QRCode.encode("x").size, 21)
    }

    func testSVGHasNoInlineStyleAndEscapesTheTitle() throws {
        let svg = try QRCode.encode("hello").svg(title: "QR <\"code\">")
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertFalse(svg.contains("style="))
        XCTAssertTrue(svg.contains("<title>QR &lt;&quot;code&quot;&gt;</title>"))
    }

    func testRealDecoderReadsWhatWeEncode() throws {
        let tools = ["/usr/bin/zbarimg", "/usr/bin/rsvg-convert"]
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("install zbar-tools and librsvg2-bin to decode QR codes (scripts/test does)")
        }
        let otpauth = "otpauth://totp/Amparo:ana%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amparo&algorithm=SHA1&digits=6&period=30"
        let cases: [(String, QRCode.ErrorCorrection)] = [
            ("Amparo", .low), ("Amparo", .medium), ("Amparo", .quartile), ("Amparo", .high),
            (otpauth, .medium), ("Sí se puede — ¡ñandú!", .quartile),
            (String(repeating: "0123456789abcdef", count: 20), .medium),
        ]
        var versions: Set<Int> = []
        for (text, level) in cases {
            let code = try QRCode.encode(text, correction: level)
            versions.insert(code.version)
            XCTAssertEqual(try decode(code.svg(moduleSize: 6, title: "t")), text, "\(level) v\(code.version)")
        }
        XCTAssertTrue(versions.contains { $0 >= 7 }, "a version with version-information blocks is exercised")
    }

    private func decode(_ svg: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgURL = dir.appendingPathComponent("code.svg")
        let pngURL = dir.appendingPathComponent("code.png")
        try svg.write(to: svgURL, atomically: true, encoding: .utf8)
        _ = try run("/usr/bin/rsvg-convert", ["-o", pngURL.path, svgURL.path])
        return try run("/usr/bin/zbarimg", ["--raw", "-q", "-Sbinary", pngURL.path])
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
