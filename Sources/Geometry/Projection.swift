import CProj

/// A coordinate transform made by PROJ, created once and reused for every
/// point (creating one costs about a millisecond; using one, well under a
/// microsecond per point).
///
/// Axis order is normalised for visualisation: longitude before latitude for
/// geographic CRSs, easting before northing for projected ones. Without the
/// OSTN15 grid (Debian's PROJ lacks it) WGS84 to British National Grid uses
/// the 7-parameter Helmert transform, good to about 2 m.
///
/// A class because it owns a PROJ context; not thread-safe: make one per
/// thread.
public final class Projection {
    public let source: CRS
    public let target: CRS
    private let context: OpaquePointer
    private let transform: OpaquePointer

    /// Creates the transform from `source` to `target`.
    /// - Throws: `GeometryError.unknownCRS` when PROJ does not know either code.
    public init(from source: CRS, to target: CRS) throws {
        guard let context = proj_context_create() else {
            throw GeometryError(.transformFailed, "PROJ could not create a context")
        }
        for crs in [source, target] {
            guard let object = proj_create(context, crs.code) else {
                proj_context_destroy(context)
                throw GeometryError(
                    .unknownCRS,
                    "unknown CRS \(crs.code): PROJ does not know it; use an EPSG code such as "
                        + "EPSG:27700 (British National Grid) or EPSG:4326 (WGS84)")
            }
            proj_destroy(object)
        }
        guard let raw = proj_create_crs_to_crs(context, source.code, target.code, nil) else {
            proj_context_destroy(context)
            throw GeometryError(.unknownCRS, "PROJ found no transform from \(source.code) to \(target.code)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_context_destroy(context)
            throw GeometryError(
                .transformFailed, "PROJ could not normalise the axis order of \(source.code) to \(target.code)")
        }
        self.source = source
        self.target = target
        self.context = context
        self.transform = normalized
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Whether `crs` is a projected CRS (in metres, as street lengths need).
    public static func isProjected(_ crs: CRS) -> Bool {
        guard let context = proj_context_create() else { return false }
        defer { proj_context_destroy(context) }
        guard let object = proj_create(context, crs.code) else { return false }
        defer { proj_destroy(object) }
        return proj_get_type(object) == PJ_TYPE_PROJECTED_CRS
    }

    /// Transforms pairs in place (x/lon first).
    /// - Returns: false when any result is not finite (a point outside the
    ///   area where the transform is defined).
    /// - Complexity: O(n), one PROJ call for the whole array.
    @discardableResult
    public func transform(xs: inout [Double], ys: inout [Double], inverse: Bool = false) -> Bool {
        precondition(xs.count == ys.count)
        let n = xs.count
        guard n > 0 else { return true }
        let stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                _ = proj_trans_generic(
                    transform, inverse ? PJ_INV : PJ_FWD,
                    xb.baseAddress, stride, n,
                    yb.baseAddress, stride, n,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        proj_errno_reset(transform)
        for i in 0..<n where !(xs[i].isFinite && ys[i].isFinite) { return false }
        return true
    }

    /// Forward transform of one position; nil when PROJ cannot transform it.
    public func forward(_ x: Double, _ y: Double) -> (Double, Double)? {
        var xs = [x]
        var ys = [y]
        guard transform(xs: &xs, ys: &ys) else { return nil }
        return (xs[0], ys[0])
    }

    /// Inverse transform of one position; nil when PROJ cannot transform it.
    public func inverse(_ x: Double, _ y: Double) -> (Double, Double)? {
        var xs = [x]
        var ys = [y]
        guard transform(xs: &xs, ys: &ys, inverse: true) else { return nil }
        return (xs[0], ys[0])
    }
}

extension Projection {
    /// WGS84 position to projected metres (the transform must run from
    /// EPSG:4326).
    public func project(_ p: LonLat) -> Point? {
        forward(p.lon, p.lat).map { Point(x: $0.0, y: $0.1) }
    }

    /// Projected metres back to WGS84 (the transform must run from
    /// EPSG:4326).
    public func unproject(_ p: Point) -> LonLat? {
        inverse(p.x, p.y).map { LonLat(lon: $0.0, lat: $0.1) }
    }
}
