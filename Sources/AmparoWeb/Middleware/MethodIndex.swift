import NIOConcurrencyHelpers
import RoutingKit
import Vapor

/// Which methods each path accepts, so that a known path asked with another method gets
/// 405 Method Not Allowed with an Allow header instead of a misleading 404.
/// Built on first use from the router; the trie is only touched under the lock.
final class MethodIndex: @unchecked Sendable {
    private let lock = NIOLock()
    private var router: TrieRouter<[String]>?

    func allowedMethods(for path: String, in routes: Routes) -> [String] {
        lock.withLock {
            let router = self.router ?? Self.build(routes)
            self.router = router
            var parameters = Parameters()
            return router.route(path: path.split(separator: "/").map(String.init), parameters: &parameters) ?? []
        }
    }

    private static func build(_ routes: Routes) -> TrieRouter<[String]> {
        var methods: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes.all {
            let key = route.path.map(\.description).joined(separator: "/")
            methods[key, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let router = TrieRouter<[String]>()
        for entry in methods.values where !entry.path.isEmpty {  // the trie cannot hold "/" itself
            router.register(entry.methods.sorted(), at: entry.path)
        }
        return router
    }
}
