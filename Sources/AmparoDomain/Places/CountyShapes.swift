import Foundation

/// County outlines for the map, from the Census Bureau's cartographic boundary files as GeoJSON
/// (public domain): projected (Albers equal-area for the lower 48, Alaska and Hawaii moved and
/// scaled below them, as atlases do), simplified and rounded to whole points of a 960×600 picture,
/// so the whole country's map stays a few hundred kilobytes.
public enum CountyShapes {
    public struct Shape: Sendable, Equatable {
        /// Five-digit FIPS.
        public let fips: String
        public let name: String
        /// An SVG path ("M x,y l dx,dy dx,dy … z").
        public let path: String
    }

    public enum Problem: Error, Equatable, Sendable { case notGeoJSON, noCounties }

    /// `tolerance`: how far (in picture points) a simplified outline may stray from the real one.
    public static func parse(_ data: Data, tolerance: Double = 0.6) -> Result<[Shape], Problem> {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let features = root["features"] as? [[String: Any]] else {
            return .failure(.notGeoJSON)
        }
        var shapes: [Shape] = []
        for feature in features {
            guard let properties = feature["properties"] as? [String: Any], let geometry = feature["geometry"] as? [String: Any] else { continue }
            let geoid = (properties["GEOID"] as? String)
                ?? ((properties["STATEFP"] as? String).flatMap { state in (properties["COUNTYFP"] as? String).map { state + $0 } })
            guard let fips = geoid, fips.count == 5, let name = (properties["NAMELSAD"] ?? properties["NAME"]) as? String else { continue }
            let polygons: [[[[Double]]]]
            switch geometry["type"] as? String {
            case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
            case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
            default: continue
            }
            var path = ""
            for polygon in polygons {
                for ring in polygon {
                    let points = ring.compactMap { $0.count >= 2 ? project(longitude: $0[0], latitude: $0[1], state: String(fips.prefix(2))) : nil }
                    let simple = simplify(points, tolerance: tolerance).map { (Int($0.x.rounded()), Int($0.y.rounded())) }
                    var kept: [(Int, Int)] = []
                    for point in simple where kept.last.map({ $0 != point }) ?? true { kept.append(point) }
                    guard kept.count >= 3 else { continue }
                    // Relative steps after the first point: about half the bytes of absolute ones.
                    let steps = zip(kept.dropFirst(), kept).map { "\($0.0 - $1.0),\($0.1 - $1.1)" }
                    path += "M\(kept[0].0),\(kept[0].1)l" + steps.joined(separator: " ") + "z"
                }
            }
            if !path.isEmpty { shapes.append(Shape(fips: fips, name: name, path: path)) }
        }
        return shapes.isEmpty ? .failure(.noCounties) : .success(shapes)
    }

    public struct Point: Sendable {
        public let x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// Albers equal-area conic (parallels 29.5° and 45.5°, centred on 96°W 37.5°N) into a 960×600
    /// picture; Alaska (02) and Hawaii (15) are projected on their own and placed bottom left.
    public static func project(longitude: Double, latitude: Double, state: String) -> Point {
        switch state {
        case "02":  // as d3's albersUsa places it: a third of the scale, bottom left
            let p = albers(longitude, latitude, parallels: (55, 65), origin: (-156, 58.5))
            return Point(x: 151.5 + p.x * 374.5, y: 465.1 - p.y * 374.5)
        case "15":
            let p = albers(longitude, latitude, parallels: (8, 18), origin: (-160, 19.9))
            return Point(x: 260.7 + p.x * 1070, y: 476.8 - p.y * 1070)
        default:
            let p = albers(longitude, latitude, parallels: (29.5, 45.5), origin: (-96, 37.5))
            return Point(x: 480 + p.x * 1070, y: 250 - p.y * 1070)
        }
    }

    static func albers(_ longitude: Double, _ latitude: Double, parallels: (Double, Double), origin: (Double, Double)) -> Point {
        let rad = Double.pi / 180
        let (phi1, phi2) = (parallels.0 * rad, parallels.1 * rad)
        let n = (sin(phi1) + sin(phi2)) / 2
        let c = cos(phi1) * cos(phi1) + 2 * n * sin(phi1)
        let rho0 = sqrt(c - 2 * n * sin(origin.1 * rad)) / n
        let rho = sqrt(max(0, c - 2 * n * sin(latitude * rad))) / n
        let theta = n * (longitude - origin.0) * rad
        return Point(x: rho * sin(theta), y: rho0 - rho * cos(theta))
    }

    /// Douglas–Peucker.
    public static func simplify(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 3 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            var farthest = 0.0, index = first
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y, length = (dx * dx + dy * dy).squareRoot()
            for i in (first + 1)..<last {
                let p = points[i]
                let distance = length == 0 ? ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                                           : abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length
                if distance > farthest { farthest = distance; index = i }
            }
            if farthest > tolerance {
                keep[index] = true
                if index - first > 1 { stack.append((first, index)) }
                if last - index > 1 { stack.append((index, last)) }
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }
}
