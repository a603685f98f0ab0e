import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Photos come after the report, from its thank-you page: the words land first and fast on a bad
/// connection, and a failed upload loses nothing. The upload link is a capability for that one
/// report, good for two hours. Every photo is cleaned of its metadata (`PhotoCleaner`) and sealed;
/// dispatchers see them on the report's page.
struct ReportPhotoRoutes: RouteCollection {
    static let perReport = 4
    static let window: TimeInterval = 2 * 3600
    /// Four photos from a phone camera, with room for the form around them.
    static let maxBody = 42 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        // Streamed: the link is checked before a byte of the body is read, so a stranger's upload
        // to a made-up link costs nothing but the connection.
        routes.on(.POST, "report", "photos", ":token", body: .stream, use: upload).policy(.capabilityLink)
        routes.get("hotline", "reports", ":reportID", "photos", ":photoID", use: show).policy(.member(.workHotline))
    }

    struct Upload: Content { var photos: [File]? }

    func upload(req: Request) async throws -> Response {
        let services = req.amparo
        guard let token = req.parameters.get("token"), let id = CapabilityToken.verify("report-photos", token: token, key: services.linkKey),
              let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.photosLinkExpired))
        }
        guard report.purgedAt == nil, services.clock.now().timeIntervalSince(report.receivedAt) < Self.window else {
            throw UserFacingError(status: .gone, text: .hotline(.photosLinkExpired))
        }
        let page = try await ReportThanks.page(req, reference: report.reference, photoToken: token)
        func refuse(_ text: HotlineText) -> Response {
            htmlResponse(ReportPageRenderer.thanks(page, photoNotice: (text, true), req.chrome), status: .unprocessableEntity)
        }
        let body: ByteBuffer?
        do {
            body = try await req.body.collect(max: Self.maxBody).get()
        } catch let error as Abort where error.status == .payloadTooLarge {
            return refuse(.photosTooLarge(Self.maxBody / 1024 / 1024))
        }
        // A body that arrived whole (not streamed) skips collect's cap.
        guard (body?.readableBytes ?? 0) <= Self.maxBody else { return refuse(.photosTooLarge(Self.maxBody / 1024 / 1024)) }
        let upload = body.flatMap { try? FormDataDecoder().decode(Upload.self, from: $0, headers: req.headers) }
        let files = (upload?.photos ?? []).filter { $0.data.readableBytes > 0 }
        guard !files.isEmpty else { return refuse(.photosNone) }
        let already = try await ReportPhotoModel.query(on: req.db).filter(\.$reportID == id).count()
        guard already + files.count <= Self.perReport else { return refuse(.photosTooMany(Self.perReport)) }
        // Every photo is checked before any is stored: all or nothing.
        var cleaned: [(PhotoCleaner.Kind, [UInt8])] = []
        for file in files {
            switch PhotoCleaner.clean(Array(file.data.readableBytesView)) {
            case .success(let photo): cleaned.append(photo)
            case .failure(let problem): return refuse(.photoProblem(problem))
            }
        }
        let now = services.clock.now()
        let models = try cleaned.map { kind, bytes in
            let model = ReportPhotoModel(reportID: id, contentType: kind.rawValue, size: bytes.count, createdAt: now)
            model.dataSealed = try services.sealer.seal(bytes: Data(bytes), context: SealedColumn.reportPhoto.context(rowID: model.id!))
            return model
        }
        try await req.db.transaction { db in
            for model in models { try await model.create(on: db) }
            try await ReportEventModel(id: UUID(), reportID: id, actorID: nil, action: "photos:\(models.count)", from: nil, to: nil, at: now).create(on: db)
        }
        return htmlResponse(ReportPageRenderer.thanks(page, photoNotice: (.photosAdded(models.count), false), req.chrome), status: .ok)
    }

    func show(req: Request) async throws -> Response {
        guard let reportID = req.parameters.get("reportID", as: UUID.self), let photoID = req.parameters.get("photoID", as: UUID.self),
              let photo = try await ReportPhotoModel.find(photoID, on: req.db), photo.reportID == reportID, let sealed = photo.dataSealed else {
            throw Abort(.notFound, reason: "No photo here.")
        }
        let bytes = try req.amparo.sealer.openBytes(sealed, context: SealedColumn.reportPhoto.context(rowID: photoID))
        try await req.audit("report.photo.read", recordType: "report_photo", recordID: photoID.uuidString)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: photo.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }

    static func token(for reportID: UUID, key: SymmetricKey) -> String { CapabilityToken.make("report-photos", id: reportID, key: key) }

    /// The photos on a report's page.
    static func section(_ req: Request, report: ReportModel) async throws -> HTML {
        let photos = try await ReportPhotoModel.query(on: req.db).filter(\.$reportID == report.id!).sort(\.$createdAt).all()
        guard !photos.isEmpty else { return .empty }
        let l = req.language
        let items: [HTML] = photos.enumerated().map { n, photo in
            guard photo.dataSealed != nil else { return "<li>\(Text.hotline(.photo(n + 1)).in(l)): \(Text.hotline(.purged).in(l))</li>" }
            let src = "/hotline/reports/\(report.id!.uuidString)/photos/\(photo.id!.uuidString)"
            return "<li><a href=\"\(src)\"><img src=\"\(src)\" alt=\"\(Text.hotline(.photo(n + 1)).in(l))\" class=\"photo\"></a></li>"
        }
        return "<h2>\(Text.hotline(.photosTitle).in(l))</h2><ul class=\"photos\" id=\"photos\">\(items)</ul>"
    }
}
