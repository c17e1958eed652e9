import Foundation

/// A point where tests stop a run to kill it or to race another process against it.
///
/// When the environment variable `STREETROUNDS_TEST_PAUSE_AT` names the point, the process creates the file
/// named by `STREETROUNDS_TEST_PAUSE_FILE` and waits until that file is removed (at most 60 s). Otherwise it
/// does nothing: one environment lookup.
enum TestPause {
    static func at(_ point: String) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["STREETROUNDS_TEST_PAUSE_AT"] == point,
            let marker = environment["STREETROUNDS_TEST_PAUSE_FILE"]
        else { return }
        FileManager.default.createFile(atPath: marker, contents: Data(point.utf8))
        for _ in 0..<6000 where FileManager.default.fileExists(atPath: marker) {
            usleep(10_000)
        }
    }
}
