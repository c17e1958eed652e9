import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file of a set of outputs: its path inside the output folder ("gpx/r1.gpx") and its bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

/// A folder that StreetRounds owns and replaces whole, never deleting what it did not write.
///
/// The folder holds a manifest (`.streetrounds-manifest`) naming every file StreetRounds wrote there.
/// `commit` refuses a folder that is a file, the database or one of its parents, the current folder or one
/// of its parents, or a non-empty folder without the manifest or holding a file the manifest does not name.
/// New outputs are written into a staging folder beside it (`.NAME.streetrounds-new`), the manifest last;
/// the old folder is renamed aside (`.NAME.streetrounds-old`), the staging folder renamed in, and only then
/// are the old folder's listed files removed. Every step is a `rename(2)` on one file system, so a run
/// killed at any moment leaves either the old outputs or the new ones in place; the next `commit` finishes
/// or undoes what the killed run left (a complete staging folder is rolled forward, an incomplete one
/// removed, file by listed file).
///
/// - Complexity: O(total bytes written); two directory renames.
public struct OutputFolder: Sendable {
    /// The steps of a commit, for a caller that wants to watch (or, in tests, stop) a commit between them.
    public enum Step: String, Sendable {
        /// Every new file is written in the staging folder, the manifest last.
        case staged
        /// The old folder has been renamed aside; the new one is not yet in place.
        case oldMovedAside = "old-moved-aside"
        /// The new folder is in place; the old one is not yet removed.
        case swapped
    }

    public static let manifestName = ".streetrounds-manifest"
    /// Written first into a staging folder: a folder there without it (or a manifest) is not StreetRounds'.
    static let stagingMarker = ".streetrounds-staging"
    static let manifestHeader = "# Files written by StreetRounds; the folder is replaced whole by the next run."

    /// The folder, as given.
    public let path: String
    /// Paths that must never be replaced, nor any folder holding them (the database and its journal).
    public let protected: [String]
    /// Names of the files StreetRounds wrote before it wrote manifests: a folder without a manifest that
    /// holds only such files is taken as StreetRounds' (outputs of an earlier version).
    public let legacyFiles: @Sendable (String) -> Bool

    public init(
        path: String, protecting protected: [String] = [],
        legacyFiles: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.path = path
        self.protected = protected
        self.legacyFiles = legacyFiles
    }

    var url: URL { URL(fileURLWithPath: path) }
    var stagingURL: URL { sibling("new") }
    var asideURL: URL { sibling("old") }

    private func sibling(_ suffix: String) -> URL {
        let final = url.standardizedFileURL
        return final.deletingLastPathComponent().appendingPathComponent(
            ".\(final.lastPathComponent).streetrounds-\(suffix)")
    }

    /// Checks, changing nothing, that the folder is StreetRounds' to replace (a caller checks before long work).
    /// - Throws: `OutputsError` naming why not.
    public func check() throws {
        try checkPlace()
        try checkReplaceable(url)
        try checkLeftovers()
    }

    /// Writes `files` as the folder's new contents, replacing the previous outputs by renames only.
    /// - Parameter step: called after each step of the swap; a step that throws stops the commit there, as a
    ///   kill would (tests use it).
    /// - Throws: `OutputsError` when the folder is not StreetRounds' to replace, or a write fails; the
    ///   previous outputs are then as they were.
    public func commit(_ files: [OutputFile], step: (Step) throws -> Void = { _ in }) throws {
        try checkPlace()
        let fm = FileManager.default
        try fm.createDirectory(
            at: url.standardizedFileURL.deletingLastPathComponent(),
            withIntermediateDirectories: true)
        _ = try recover()
        try checkReplaceable(url)
        try stage(files)
        try step(.staged)
        let hadOld = fm.fileExists(atPath: url.path)
        if hadOld { try rename(url, asideURL) }
        try step(.oldMovedAside)
        do { try rename(stagingURL, url) } catch {
            if hadOld { try? rename(asideURL, url) }
            throw error
        }
        try step(.swapped)
        if hadOld { try removeOwned(asideURL) }
    }

    /// What `recover` found and did.
    public enum Recovery: Equatable, Sendable {
        case nothing
        /// A killed run had staged complete outputs but not swapped them in: they are now in place.
        case rolledForward
        /// A killed run's incomplete or superseded leftovers were removed.
        case cleaned
    }

    /// Finishes or undoes what a killed commit left beside the folder; `commit` calls it first.
    /// - Throws: `OutputsError` when a leftover is not StreetRounds' (no manifest): it is left alone.
    @discardableResult
    public func recover() throws -> Recovery {
        let fm = FileManager.default
        var result = Recovery.nothing
        try checkLeftovers()
        if fm.fileExists(atPath: stagingURL.path) {
            let complete = manifest(of: stagingURL) != nil
            if complete, !fm.fileExists(atPath: url.path) {
                try rename(stagingURL, url)
                result = .rolledForward
            } else {
                try removeOwned(stagingURL, partial: !complete)
                result = .cleaned
            }
        }
        if fm.fileExists(atPath: asideURL.path) {
            if fm.fileExists(atPath: url.path) {
                try removeOwned(asideURL)
                if result == .nothing { result = .cleaned }
            } else {
                try rename(asideURL, url)
                result = .rolledForward
            }
        }
        return result
    }
}

extension OutputFolder {
    /// Refuses a place that is a file, the current folder or a parent of it, or the database or a parent of it.
    func checkPlace() throws {
        let target = Self.resolved(path)
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                throw OutputsError.refused("\(path) is a symbolic link; give the real folder for the outputs")
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                throw OutputsError.refused(
                    "\(path) is a file, not a folder; StreetRounds will not replace it: choose a folder for --out")
            }
        }
        let current = Self.resolved(FileManager.default.currentDirectoryPath)
        if Self.isSameOrAncestor(target, of: current) {
            throw OutputsError.refused(
                "\(path) is the current folder or holds it; StreetRounds replaces its output folder whole: "
                    + "choose a subfolder such as out/plan")
        }
        for p in protected where Self.isSameOrAncestor(target, of: Self.resolved(p)) {
            throw OutputsError.refused("\(path) is or holds the database \(p); choose another folder for the outputs")
        }
    }

    /// Refuses what a killed run would have left beside the folder but StreetRounds did not make, before a
    /// commit would stop on it after the work: a staging or old folder that is a link or a file, a staging
    /// folder without the marker its writer puts first (nor a manifest), an old folder whose manifest does
    /// not account for what it holds.
    func checkLeftovers() throws {
        for (leftover, isStaging) in [(stagingURL, true), (asideURL, false)] {
            var info = stat()
            guard lstat(leftover.path, &info) == 0 else { continue }
            let marked = FileManager.default.fileExists(
                atPath: leftover.appendingPathComponent(Self.stagingMarker).path)
            var problem: String?
            if info.st_mode & S_IFMT != S_IFDIR {
                problem = "is not a folder"
            } else if isStaging, manifest(of: leftover) == nil, !marked {
                problem = "has neither \(Self.manifestName) nor \(Self.stagingMarker)"
            } else if !isStaging, (try? checkReplaceable(leftover)) == nil {
                problem = "holds what its \(Self.manifestName) does not name"
            }
            if let problem {
                throw OutputsError.refused(
                    "\(leftover.path), where a killed run leaves outputs, \(problem); StreetRounds will not delete "
                        + "what it did not write: look inside, move what you need, then remove it")
            }
        }
    }

    /// Refuses an existing folder that holds anything StreetRounds did not write there: a file, a symbolic
    /// link or a folder (even empty) that its manifest does not account for.
    func checkReplaceable(_ folder: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.path) else { return }
        let present = try Self.contents(of: folder)
        if present.isEmpty { return }
        guard let listed = manifest(of: folder) ?? (present.files.allSatisfy(legacyFiles) ? present.files : nil)
        else {
            throw OutputsError.refused(
                "\(folder.path) is not empty and was not written by StreetRounds (no \(Self.manifestName)); "
                    + "StreetRounds will not replace it: choose an empty or new folder for --out")
        }
        let foreign = present.foreign(to: listed.union([Self.manifestName, Self.stagingMarker]))
        if let first = foreign.first {
            throw OutputsError.refused(
                "\(folder.path) holds \(first)\(foreign.count > 1 ? " and \(foreign.count - 1) more" : ""), "
                    + "which StreetRounds did not write; move them elsewhere, then run again")
        }
    }

    /// Writes the files into a fresh staging folder: the marker first (a folder without it or a manifest is
    /// not StreetRounds'), the manifest last (its presence marks the folder complete), then the marker goes.
    func stage(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: stagingURL, withIntermediateDirectories: false)
        let marker = stagingURL.appendingPathComponent(Self.stagingMarker)
        try Data("StreetRounds is writing outputs here\n".utf8).write(to: marker)
        var names: [String] = []
        for file in files {
            let parts = file.path.split(separator: "/")
            guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }), !file.path.hasPrefix("/"),
                file.path != Self.manifestName
            else { throw OutputsError.refused("output file name \"\(file.path)\" is not a plain relative path") }
            let target = stagingURL.appendingPathComponent(file.path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: target)
            names.append(file.path)
        }
        let manifest = ([Self.manifestHeader] + names.sorted()).joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: stagingURL.appendingPathComponent(Self.manifestName))
        _ = unlink(marker.path)
    }

    /// The files a folder's manifest names, or nil when it has none.
    func manifest(of folder: URL) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.manifestName).path),
            let text = String(data: data, encoding: .utf8), text.hasPrefix(Self.manifestHeader)
        else { return nil }
        return Set(text.split(separator: "\n").dropFirst().map(String.init))
    }

    /// Removes the files a folder's manifest names, then the manifest and the folders it made, each only
    /// when empty (never a recursive removal). A `partial` staging folder (killed before its manifest)
    /// holds only what this run's writer made there.
    func removeOwned(_ folder: URL, partial: Bool = false) throws {
        let present = try Self.contents(of: folder)
        let owned: Set<String>
        if partial || present.isEmpty {
            owned = present.files
        } else if let listed = manifest(of: folder) {
            owned = listed.union([Self.manifestName, Self.stagingMarker])
        } else if present.files.allSatisfy(legacyFiles) {
            owned = present.files
        } else {
            throw OutputsError.refused(
                "\(folder.path) was left by an earlier run but holds no \(Self.manifestName); "
                    + "StreetRounds will not delete it: look inside, move what you need, then remove it")
        }
        for name in present.files where owned.contains(name) {
            // unlink(2), never a recursive removal: a name swapped for a folder meanwhile fails and is kept.
            _ = unlink(folder.appendingPathComponent(name).path)
        }
        let made = partial ? present.folders : Contents.folders(holding: owned)
        for name in present.folders.intersection(made).sorted(by: { $0.count > $1.count }) {
            _ = rmdir(folder.appendingPathComponent(name).path)  // kept when something else is inside
        }
        let left = try Self.contents(of: folder)
        if let first = left.foreign(to: []).first {
            throw OutputsError.refused(
                "\(folder.path) holds \(first) which StreetRounds did not write; "
                    + "it was kept: move it elsewhere and remove the folder")
        }
        guard rmdir(folder.path) == 0 else {
            throw OutputsError.refused("cannot remove the emptied \(folder.path): \(String(cString: strerror(errno)))")
        }
    }

    func rename(_ from: URL, _ to: URL) throws {
        guard posixRename(from.path, to.path) == 0 else {
            throw OutputsError.refused("cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }

    /// What a folder holds, symbolic links not followed: every entry but a folder (files, links, anything
    /// else) in `files`, every folder in `folders`, as paths relative to it.
    struct Contents: Equatable {
        var files: Set<String> = []
        var folders: Set<String> = []

        var isEmpty: Bool { files.isEmpty && folders.isEmpty }

        /// The entries that `owned` (file paths) does not account for, sorted: files not in it, and
        /// folders that hold none of its files ("archive/").
        func foreign(to owned: Set<String>) -> [String] {
            let made = Self.folders(holding: owned)
            return files.subtracting(owned).sorted() + folders.subtracting(made).sorted().map { $0 + "/" }
        }

        /// The folders that paths such as "gpx/r1.gpx" need: "gpx".
        static func folders(holding paths: Set<String>) -> Set<String> {
            var result = Set<String>()
            for path in paths {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    result.insert(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
            }
            return result
        }
    }

    /// What `folder` holds, walked without following links.
    static func contents(of folder: URL) throws -> Contents {
        var result = Contents()
        func walk(_ relative: String) throws {
            let base = folder.standardizedFileURL.path + (relative.isEmpty ? "" : "/" + relative)
            for name in try FileManager.default.contentsOfDirectory(atPath: base) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                if lstat(base + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    result.folders.insert(path)
                    try walk(path)
                } else {
                    result.files.insert(path)
                }
            }
        }
        try walk("")
        return result
    }

    /// An absolute path with symbolic links of its existing part resolved (to compare two paths).
    public static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var base = url.path
        if let real = realpath(url.path, nil) {
            base = String(cString: real)
            free(real)
        }
        return ([base] + tail).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
    }

    /// Whether the resolved path `a` is `b` or a folder holding it.
    public static func isSameOrAncestor(_ a: String, of b: String) -> Bool {
        a == b || a == "/" || b.hasPrefix(a + "/")
    }
}

/// `rename(2)`: atomic within one file system.
private func posixRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
