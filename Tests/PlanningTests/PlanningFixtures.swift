import Foundation
import TestSupport
import Works

/// The catalogue and registry shipped in data/ (the sample town's partners).
func shippedCatalogue() throws -> ActivityCatalogue {
    try ActivityCatalogue(contentsOf: SharedData.projectRoot.appendingPathComponent("data/activities.json"))
}

func shippedRegistry() throws -> OrganisationRegistry {
    try OrganisationRegistry(contentsOf: SharedData.projectRoot.appendingPathComponent("data/organisations.json"),
                             catalogue: shippedCatalogue())
}

func shippedReader() throws -> TaskListReader {
    TaskListReader(catalogue: try shippedCatalogue(), registry: try shippedRegistry())
}
