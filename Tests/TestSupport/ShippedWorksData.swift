import Foundation
import Works

/// The catalogue and registry shipped in data/ (the sample town's partners).
public func shippedCatalogue() throws -> ActivityCatalogue {
    try ActivityCatalogue(contentsOf: SharedData.projectRoot.appendingPathComponent("data/activities.json"))
}

public func shippedRegistry() throws -> OrganisationRegistry {
    try OrganisationRegistry(
        contentsOf: SharedData.projectRoot.appendingPathComponent("data/organisations.json"),
        catalogue: shippedCatalogue())
}

/// A task-list reader with the shipped catalogue and registry.
public func shippedReader() throws -> TaskListReader {
    TaskListReader(catalogue: try shippedCatalogue(), registry: try shippedRegistry())
}
