import Foundation

/// Files written by Pillow with the metadata a phone writes: EXIF GPS and camera model and a comment
/// (JPEG), text chunks and eXIf (PNG). Kept in Tests/Fixtures.
enum PhotoFixtures {
    static func load(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    static let jpegWithGPS = load("photo-with-gps.jpg")
    static let pngWithText = load("photo-with-text.png")
}
