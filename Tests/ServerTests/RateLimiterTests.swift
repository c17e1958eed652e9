import XCTest

@testable import Server

/// The request-rate bucket and the failed-login delays, counted (not timed).
final class RateLimiterTests: XCTestCase {
    func testABucketAdmitsItsBurstThenAsksToWaitPerKey() async {
        let limiter = RateLimiter(burst: 3, perSecond: 0.001)
        for _ in 0..<3 {
            let admitted = await limiter.admit("a")
            XCTAssertNil(admitted)
        }
        let wait = await limiter.admit("a")
        XCTAssertNotNil(wait)
        XCTAssertGreaterThan(wait ?? 0, 0)
        let other = await limiter.admit("b")
        XCTAssertNil(other, "each key has its own bucket")
    }

    func testEachFailedLoginDoublesTheWaitUpToTheCeilingPerClient() async {
        let throttle = LoginThrottle(base: 0.25, ceiling: 4)
        var waits: [Double] = []
        for _ in 0..<7 { waits.append(await throttle.fail("10.0.0.1")) }
        XCTAssertEqual(waits, [0.25, 0.5, 1, 2, 4, 4, 4])
        let elsewhere = await throttle.fail("10.0.0.2")
        XCTAssertEqual(elsewhere, 0.25)
    }
}
