import Foundation

/// The routes as registered, for telling 405 from 404: filled while the
/// router is built, read while it serves.
final class RouteBook: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [PartnersService.Route] = []

    func add(_ route: PartnersService.Route) {
        lock.lock()
        routes.append(route)
        lock.unlock()
    }

    /// The methods of the routes whose path pattern matches `path`.
    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        lock.lock()
        defer { lock.unlock() }
        return routes.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == parts.count
                && zip(pattern, parts).allSatisfy { p, s in
                    (p.hasPrefix("{") && p.hasSuffix("}") && !s.isEmpty) || p == s
                }
        }.map(\.method).sorted()
    }
}
