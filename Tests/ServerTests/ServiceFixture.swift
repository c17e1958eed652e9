import Foundation
import Geometry
import Hummingbird
import HummingbirdTesting
import JSON
import Server
import Store
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

/// The sample town in a fresh store, its organisations imported, a token
/// for two partners and the coordinator, and the service over it.
struct ServiceFixture {
    let store: RoundsStore
    let service: PartnersService
    let county: String
    let town: String
    let coordinator: String

    static func root(_ path: String) -> URL { SharedData.projectRoot.appendingPathComponent(path) }

    init(directory: URL, configuration: ServiceConfiguration = ServiceFixture.testing) throws {
        let read = try StreetFile.read(Self.root("data/sample-town/streets.geojson"))
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        store = try RoundsStore(path: directory.appendingPathComponent("service.sqlite").path, create: true)
        let provenance = NetworkProvenance(
            sourceFile: "streets.geojson", sourceFormat: "GeoJSON", snapTolerance: 0.5,
            importedAt: "test")
        try store.saveNetwork(network, provenance: provenance)
        let catalogue = try ActivityCatalogue(contentsOf: Self.root("data/activities.json"))
        let registry = try OrganisationRegistry(contentsOf: Self.root("data/organisations.json"), catalogue: catalogue)
        try store.saveOrganisations(registry.ids.compactMap { registry[$0] })
        county = try store.issueToken(organisation: "county-council").secret
        town = try store.issueToken(organisation: "town-council").secret
        coordinator = try store.issueToken(organisation: nil).secret
        let compatibility = try Compatibility(contentsOf: Self.root("data/compatibility.json"), catalogue: catalogue)
        service = PartnersService(
            store: store, catalogue: catalogue, compatibility: compatibility,
            configuration: configuration)
    }

    /// Small delays so tests stay quick; generous rates.
    static var testing: ServiceConfiguration {
        var c = ServiceConfiguration()
        c.failedLoginDelay = 0.01
        c.maxFailedLoginDelay = 0.05
        return c
    }

    var application: some ApplicationProtocol { Application(router: service.build().router) }

    static func list(_ org: String) throws -> ByteBuffer {
        ByteBuffer(bytes: try Data(contentsOf: root("data/sample-town/tasks/\(org).geojson")))
    }

    static func headers(_ token: String?, type: String? = "application/geo+json") -> HTTPFields {
        var fields: HTTPFields = [:]
        if let token { fields[.authorization] = "Bearer \(token)" }
        if let type { fields[.contentType] = type }
        return fields
    }

    static func json(_ response: TestResponse) throws -> JSON {
        try JSONParser.parse(Data(response.body.readableBytesView))
    }
}
