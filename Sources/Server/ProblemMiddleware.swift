import Hummingbird

/// Turns every error a route throws into a problem details response, and
/// logs the unexpected ones. A path the router knows under other methods
/// answers 405 with `Allow`.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteBook

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var problem = ServerError.from(error)
            // Hummingbird's router answers a known path with an unknown method as not found.
            let unrouted = (error as? HTTPError)?.status == .notFound
            let allowed = unrouted ? routes.methods(for: request.uri.path) : []
            if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                let takes = allowed.joined(separator: ", ")
                problem = ServerError(
                    .methodNotAllowed,
                    "\(request.uri.path) takes \(takes), not \(request.method); see /openapi.json")
                var response = try problem.response(from: request, context: context)
                response.headers[.allow] = allowed.joined(separator: ", ")
                return response
            }
            if problem.kind == .internalError || problem.kind == .unavailable {
                // What the caller is not told (the store's file, the lock holder) is kept here.
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            return try problem.response(from: request, context: context)
        }
    }
}
