import Foundation
import Geometry
import Hummingbird
import JSON
import Store
import Works

/// Errors of the partners' service. Each goes out as an RFC 9457 problem
/// details document (`application/problem+json`): a status, a title, a
/// detail that names the culprit and the fix, and for a task list every
/// problem in it, with the CLI's messages (feature index, task id,
/// property, what to do).
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case unauthorised
        case forbidden
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        /// Not possible in the state things are in: a plan still running or
        /// failed, nothing to plan, the network replaced, a stored plan of another network.
        case conflict
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case invalidTaskList = "invalid-task-list"
        case tooManyRequests = "too-many-requests"
        case unavailable
        case internalError = "internal-error"
    }

    public let kind: Kind
    public let message: String
    /// The problems of a task list (`invalidTaskList`).
    public var problems: [TaskListProblem] = []
    /// Seconds to wait before trying again (429, 503).
    public var retryAfter: Int?

    public init(_ kind: Kind, _ message: String, problems: [TaskListProblem] = [], retryAfter: Int? = nil) {
        self.kind = kind
        self.message = message
        self.problems = problems
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// The problem type: a URN naming the kind, stable for clients.
    public var type: String { "urn:streetrounds:problem:\(kind.rawValue)" }

    public var title: String {
        switch kind {
        case .badRequest: "Bad request"
        case .unauthorised: "A valid API token is needed"
        case .forbidden: "Not this token's data"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .conflict: "Not possible in the current state"
        case .payloadTooLarge: "Request body too large"
        case .unsupportedMediaType: "Unsupported media type"
        case .invalidTaskList: "The task list has problems; nothing was stored"
        case .tooManyRequests: "Too many requests"
        case .unavailable: "Not available yet"
        case .internalError: "Internal error"
        }
    }

    public var httpStatus: HTTPResponse.Status {
        switch kind {
        case .badRequest: .badRequest
        case .unauthorised: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .conflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .invalidTaskList: .unprocessableContent
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    /// The problem details document for a request to `instance`.
    public func json(instance: String) -> JSON {
        var body: [String: JSON] = [
            "type": .string(type), "title": .string(title), "status": .number(Double(httpStatus.code)),
            "detail": .string(message), "instance": .string(instance)
        ]
        if !problems.isEmpty { body["problems"] = .array(problems.map(Self.json)) }
        return .object(body)
    }

    static func json(_ p: TaskListProblem) -> JSON {
        var item: [String: JSON] = ["message": .string(p.message), "text": .string(p.description)]
        if let i = p.featureIndex { item["feature_index"] = .number(Double(i)) }
        if let t = p.taskID { item["task_id"] = .string(t) }
        if let property = p.property { item["property"] = .string(property) }
        return .object(item)
    }

    /// Maps Hummingbird's own errors (no route, body over the limit) and
    /// anything unexpected to a problem.
    static func from(_ error: Error) -> ServerError {
        switch error {
        case let e as ServerError: return e
        case let e as HTTPError:
            switch e.status {
            case .notFound: return ServerError(.notFound, "no such resource; the API is described at /openapi.json")
            case .methodNotAllowed:
                return ServerError(.methodNotAllowed, "this resource does not take that method; see /openapi.json")
            case .contentTooLarge:
                return ServerError(
                    .payloadTooLarge,
                    "the request body is over the service's limit; split the list into smaller files")
            default:
                return ServerError(e.status.code < 500 ? .badRequest : .internalError, e.body ?? e.status.reasonPhrase)
            }
        case let e as StoreError:
            switch e.kind {
            // The store's message names its file and the lock holder's command line: the service's log has it.
            case .busy:
                return ServerError(
                    .unavailable, "the store is busy with another writer; try again in a few seconds", retryAfter: 5)
            case .noNetwork: return ServerError(.unavailable, e.message, retryAfter: 3600)
            case .networkChanged: return ServerError(.conflict, e.message)
            default: return ServerError(.internalError, "the store failed; the service's log has the details")
            }
        default: return ServerError(.internalError, "unexpected failure; the service's log has the details")
        }
    }
}

extension ServerError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if kind == .unauthorised { headers[.wwwAuthenticate] = "Bearer realm=\"streetrounds\"" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        let text = json(instance: request.uri.path).serialized(pretty: true) + "\n"
        return Response(status: httpStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
