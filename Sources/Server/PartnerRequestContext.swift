import Hummingbird
import NIOCore
import Store

/// What a request carries through the service: Hummingbird's core storage,
/// the client's address (for slowing failed logins) and, once the auth
/// middleware has checked it, the token the request speaks with.
public struct PartnerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address; "local" in in-process tests.
    public var client: String
    /// The checked token; nil before the auth middleware and on public routes.
    public var token: APIToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "local"
        token = nil
    }

    /// Hummingbird's own cap; the service applies its configured limit when
    /// it reads a body (`ServiceConfiguration.maxBodyBytes`).
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    /// The token, or 401 when the route was reached without one.
    func requireToken() throws -> APIToken {
        guard let token else { throw ServerError(.unauthorised, "send an API token: Authorization: Bearer srt_...") }
        return token
    }
}
