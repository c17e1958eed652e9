import Foundation
import Hummingbird
import Store

/// Checks the bearer token of every request under /v1: 401 (after a
/// growing delay) without a live token, 429 over the token's rate. Sets
/// `context.token` for the routes, which check roles and organisations.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = PartnerRequestContext

    let store: any PartnerStore
    let limiter: RateLimiter
    let throttle: LoginThrottle

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/v1/") || path == "/v1" else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw ServerError(
                .unauthorised,
                "send an API token: Authorization: Bearer srt_...; "
                    + "the coordinator issues one with 'streetrounds orgs token ORG --db PATH'")
        }
        // The scheme's name is case-insensitive (RFC 9110).
        let bearer = header.lowercased().hasPrefix("bearer ")
        let secret = bearer ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
        guard let token = try store.authenticate(secret: secret) else {
            let wait = await throttle.fail(context.client)
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            throw ServerError(
                .unauthorised,
                "the API token is unknown or revoked; ask the coordinator for a new one "
                    + "('streetrounds orgs token ORG --db PATH')")
        }
        if let wait = await limiter.admit(token.prefix) {
            throw ServerError(
                .tooManyRequests,
                "token \(token.prefix) is over its request rate; try again in \(wait) s",
                retryAfter: wait)
        }
        var context = context
        context.token = token
        return try await next(request, context)
    }
}
