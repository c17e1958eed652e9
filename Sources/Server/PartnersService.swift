import Foundation
import Geometry
import Hummingbird
import JSON
import Store
import Works

/// The partners' service: each partner submits, checks and sees its task
/// list over HTTP, in its own lane; the coordinator sees everything. Routes
/// under /v1 need a bearer token (`AuthMiddleware`); errors are problem
/// details (`ServerError`). The OpenAPI document at /openapi.json lists
/// exactly the routes registered here (checked by the tests).
public struct PartnersService: Sendable {
    /// One registered route, as the OpenAPI document names it.
    public struct Route: Hashable, Sendable, CustomStringConvertible {
        public var method: String
        /// The path with `{name}` parameters.
        public var path: String

        public var description: String { "\(method) \(path)" }
    }

    /// The router with its routes, and the list of them.
    public struct Built {
        public var router: Router<PartnerRequestContext>
        public var routes: [Route]
    }

    typealias Handler = @Sendable (Request, PartnerRequestContext) async throws -> Response

    public let store: any PartnerStore
    public let catalogue: ActivityCatalogue
    public let compatibility: Compatibility
    public let configuration: ServiceConfiguration
    let network: NetworkCache
    let limiter: RateLimiter
    let throttle: LoginThrottle
    let plans = PlanJobs()

    public init(
        store: any PartnerStore, catalogue: ActivityCatalogue, compatibility: Compatibility,
        configuration: ServiceConfiguration = ServiceConfiguration()
    ) {
        self.store = store
        self.catalogue = catalogue
        self.compatibility = compatibility
        self.configuration = configuration
        network = NetworkCache(store: store)
        limiter = RateLimiter(burst: configuration.rateBurst, perSecond: configuration.ratePerSecond)
        throttle = LoginThrottle(base: configuration.failedLoginDelay, ceiling: configuration.maxFailedLoginDelay)
    }

    /// Builds the router: problem details outermost, then auth, then routes.
    public func build() -> Built {
        let router = Router(context: PartnerRequestContext.self)
        let book = RouteBook()
        router.add(middleware: ProblemMiddleware(routes: book))
        router.add(middleware: AuthMiddleware(store: store, limiter: limiter, throttle: throttle))
        var routes: [Route] = []
        func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
            router.on(RouterPath(path), method: method, use: handler)
            routes.append(Route(method: method.rawValue, path: path))
            book.add(routes[routes.count - 1])
        }
        on(.get, "/") { _, _ in Self.text(WebPage.html, type: "text/html; charset=utf-8") }
        on(.get, "/openapi.json") { _, _ in Self.text(OpenAPIDocument.text, type: "application/json") }
        on(.get, "/health") { _, _ in Self.json(["status": "ok"]) }
        on(.get, "/v1/me") { _, context in try Self.json(Self.tokenJSON(context.requireToken())) }
        on(.get, "/v1/organisations") { _, context in try self.listOrganisations(context) }
        on(.get, "/v1/organisations/{org}") { _, context in try self.organisation(context) }
        on(.get, "/v1/organisations/{org}/task-list") { _, context in try await self.taskList(context) }
        on(.put, "/v1/organisations/{org}/task-list") { request, context in try await self.submit(request, context) }
        on(.post, "/v1/organisations/{org}/task-list/validation") { request, context in
            try await self.validate(request, context)
        }
        on(.get, "/v1/organisations/{org}/task-list/geojson") { _, context in try await self.export(context) }
        on(.get, "/v1/organisations/{org}/overlaps") { request, context in try await self.overlaps(request, context) }
        on(.get, "/v1/organisations/{org}/map.svg") { request, context in try await self.map(request, context) }
        on(.get, "/v1/overlaps") { request, context in try await self.allOverlaps(request, context) }
        on(.get, "/v1/audit") { request, context in try self.audit(request, context) }
        on(.post, "/v1/plans") { request, context in try await self.startPlan(request, context) }
        on(.get, "/v1/plans") { _, context in try await self.listPlans(context) }
        on(.get, "/v1/plans/{id}") { _, context in try await self.plan(context) }
        on(.get, "/v1/plans/{id}/rounds.geojson") { _, context in try await self.planOutput(context, .rounds) }
        on(.get, "/v1/plans/{id}/schedule.csv") { _, context in try await self.planOutput(context, .schedule) }
        on(.get, "/v1/plans/{id}/savings") { _, context in try await self.planOutput(context, .savings) }
        on(.get, "/v1/stored-plans") { _, context in try self.storedPlans(context) }
        on(.delete, "/v1/stored-plans/{id}") { _, context in try self.deleteStoredPlan(context) }
        return Built(router: router, routes: routes)
    }

    /// The HTTP application on `host:port`; `onRunning` is told the bound port.
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: build().router,
            configuration: .init(address: .hostname(host, port: port), serverName: "streetrounds"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    // MARK: Helpers shared by the routes

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok, type: String = "application/json") -> Response {
        text(value.serialized(pretty: true) + "\n", status: status, type: type)
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, type: String) -> Response {
        Response(
            status: status, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func tokenJSON(_ token: APIToken) -> JSON {
        [
            "prefix": .string(token.prefix), "role": .string(token.role.rawValue),
            "organisation": token.organisation.map(JSON.string) ?? .null
        ]
    }

    /// The organisation named in the path, once the token may act for it.
    /// - Throws: 403 for another partner's data, 404 for an unknown one.
    func authorised(_ context: PartnerRequestContext) throws -> Authorised {
        let token = try context.requireToken()
        let org = context.parameters.get("org") ?? ""
        guard token.mayAct(for: org) else {
            throw ServerError(
                .forbidden,
                "token \(token.prefix) speaks for \(token.organisation ?? "a coordinator"); "
                    + "\(org)'s data is not shared with it. Use \(token.organisation ?? "-")'s own paths")
        }
        let registry = OrganisationRegistry(try store.organisations())
        guard registry[org] != nil else {
            throw ServerError(
                .notFound,
                "no organisation \"\(org)\" in the service; "
                    + "registered: \(registry.ids.joined(separator: ", "))")
        }
        return Authorised(token: token, organisation: org, registry: registry)
    }

    /// A token allowed to act for the organisation in the path.
    struct Authorised {
        var token: APIToken
        var organisation: String
        var registry: OrganisationRegistry
    }

    /// Only a coordinator's token passes.
    func requireCoordinator(_ context: PartnerRequestContext) throws -> APIToken {
        let token = try context.requireToken()
        guard token.role == .coordinator else {
            throw ServerError(
                .forbidden,
                "only a coordinator's token may do this; "
                    + "token \(token.prefix) is \(token.organisation ?? "")'s")
        }
        return token
    }

    /// The request body, refused over the configured limit (413).
    func body(_ request: Request) async throws -> Data {
        let limit = configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServerError(
                .payloadTooLarge,
                "the body is \(length) bytes, over the limit of \(limit); split the list by area")
        }
        if let type = request.headers[.contentType]?.lowercased() {
            let parts = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }?.dropFirst(8)
            guard ["application/json", "application/geo+json"].contains(parts.first ?? ""),
                charset.map({ ["utf-8", "\"utf-8\""].contains($0) }) ?? true
            else {
                throw ServerError(
                    .unsupportedMediaType,
                    "send the task list as application/geo+json (or application/json) in UTF-8, not \(type.prefix(80))")
            }
        }
        // Counted as it comes: a chunked body has no length to check first.
        var data = Data()
        do {
            for try await chunk in request.body {
                data.append(contentsOf: chunk.readableBytesView)
                guard data.count <= limit else {
                    throw ServerError(
                        .payloadTooLarge, "the body is over the limit of \(limit) bytes; split the list by area")
                }
            }
        } catch let error as ServerError {
            throw error
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServerError(.payloadTooLarge, "the body is over the limit of \(limit) bytes; split the list by area")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The HTTP parser's (a transfer coding it does not know, a body cut short): the request's fault.
            throw ServerError(
                .badRequest,
                "the request body could not be read; send it as is or chunked, without a transfer coding such as gzip")
        }
        return data
    }
}
