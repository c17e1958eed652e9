import Foundation
import TestSupport
import Works
import XCTest

final class TaskListReaderTests: XCTestCase {
    private func problems(_ data: Data, organisation: String? = nil) throws -> [String] {
        let (list, problems) = try shippedReader().read(data, organisation: organisation)
        XCTAssertNil(problems.isEmpty ? nil : list, "a list with problems must not be returned")
        return problems.map(\.description)
    }

    private func assertProblem(
        _ data: Data, contains parts: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let found = try problems(data)
        XCTAssertTrue(
            found.contains { p in parts.allSatisfy { p.contains($0) } }, "\(found) lacks \(parts)", file: file,
            line: line)
    }

    func testAGoodListReads() throws {
        let data = taskList([
            feature(
                #""task_id": "T1", "activity": "sweeping", "frequency": "2/week", "weekdays": ["tue", "Friday"], "#
                    + #""hours": "07:00-15:30", "season": {"from": "03-01", "to": "10-31"}, "notes": "n""#),
            feature(
                #""task_id": 2, "activity": "gritting", "frequency": "daily", "#
                    + #""weekdays": ["mon","tue","wed","thu","fri","sat","sun"], "priority": 1"#),
            feature(
                #""task_id": "T3", "activity": "weed_control", "frequency": "monthly", "usrn": "38700001""#,
                geometry: "null")
        ])
        let (list, problems) = try shippedReader().read(data)
        XCTAssertEqual(problems, [])
        let tasks = try XCTUnwrap(list).tasks
        XCTAssertEqual(tasks.map(\.taskID), ["T1", "2", "T3"])
        XCTAssertEqual(tasks[0].frequency, .perWeek(2))
        XCTAssertEqual(tasks[0].weekdays, [.tuesday, .friday])
        XCTAssertEqual(tasks[0].hours, TimeWindow(start: 420, end: 930))
        XCTAssertEqual(tasks[0].season?.description, "03-01 to 10-31")
        XCTAssertEqual(tasks[1].priority, 1)
        XCTAssertEqual(tasks[2].usrn, "38700001")
        XCTAssertEqual(list?.organisation, "town-council")
    }

    func testMalformedJSONGivesLineAndColumn() throws {
        try assertProblem(
            Data(
                "{\"type\": \"FeatureCollection\",\n\"features\": [\n  {\"type\": \"Feature\" \"properties\": {}}]}"
                    .utf8),
            contains: ["line 3, column 22"])
    }

    func testCollectionWithoutFeatures() throws {
        try assertProblem(taskList([]), contains: ["no features"])
        try assertProblem(
            Data(#"{"type": "FeatureCollection", "organisation": "town-council"}"#.utf8),
            contains: ["no \"features\" array"])
    }

    func testUnknownActivityWithSuggestion() throws {
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": "sweping", "frequency": "weekly""#)]),
            contains: [
                "feature 0 (task T1)", "property activity", "unknown activity \"sweping\"", "did you mean \"sweeping\"?"
            ])
    }

    func testMisspeltPropertySuggestsTheNearestName() throws {
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": "sweeping", "frequncy": "weekly""#)]),
            contains: ["unknown property \"frequncy\"", "did you mean \"frequency\"?"])
    }

    func testImpossibleFrequencies() throws {
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": "sweeping", "frequency": "3/weak""#)]),
            contains: ["\"3/weak\" is not a frequency"])
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": "sweeping", "frequency": "9/week""#)]),
            contains: ["is not a frequency"])
        try assertProblem(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "3/week", "weekdays": ["mon", "tue"]"#)
            ]),
            contains: ["3/week needs at least 3 allowed weekdays, only 2 given"])
    }

    func testTheWeekOfACycleFitsItsFrequency() throws {
        let good = try shippedReader().read(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "monthly", "cycle_week": 3"#),
                feature(#""task_id": "T2", "activity": "sweeping", "frequency": "fortnightly", "cycle_week": 2"#),
                feature(#""task_id": "T3", "activity": "sweeping", "frequency": "monthly", "cycle_week": null"#)
            ]))
        XCTAssertEqual(good.problems.map(\.description), [])
        XCTAssertEqual(good.list?.tasks.map(\.cycleWeek), [3, 2, nil])
        XCTAssertEqual(good.list?.tasks.map(\.whenDue), ["monthly, week 3", "fortnightly, week 2", "monthly"])
        for (frequency, week, message) in [
            ("monthly", "5", "must be 1 to 4: the week whose Monday is one of the month's days 1-7"),
            ("monthly", "0", "not 0"), ("monthly", "2.5", "not 2.5"), ("monthly", #""2""#, #"not the text "2""#),
            ("monthly", "[2]", "not an array"),
            ("fortnightly", "3", "must be 1 (the weeks an even number of weeks from the anchor week) or 2"),
            ("weekly", "1", "applies to fortnightly and monthly tasks only; remove it from this weekly task"),
            ("2/week", "2", "remove it from this 2/week task")
        ] {
            let properties = #""task_id": "T1", "activity": "sweeping", "frequency": "\#(frequency)", "cycle_week": "#
            try assertProblem(taskList([feature(properties + week)]), contains: ["cycle_week", message])
        }
    }

    func testWeekdayThatIsNotOne() throws {
        try assertProblem(
            taskList([
                feature(
                    #""task_id": "T1", "activity": "sweeping", "frequency": "weekly", "weekdays": ["mon", "Funday"]"#)
            ]),
            contains: ["property weekdays", "\"Funday\" is not a weekday"])
    }

    /// A NUL in notes was cut there when stored ("nul \u0000 end" came back as "nul "); line breaks are notes'.
    func testControlCharactersInNotesAndStreetAreProblems() throws {
        try assertProblem(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly", "notes": "nul \u0000 end""#)
            ]),
            contains: ["property notes", "U+0000"])
        try assertProblem(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly", "street": "A\u001bB""#)
            ]),
            contains: ["property street", "U+001B"])
        try assertProblem(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly", "street": "A\rB""#)
            ]),
            contains: ["property street", "U+000D"])
        XCTAssertEqual(
            try problems(
                taskList([
                    feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly", "notes": "one\ntwo""#)
                ])), [])
    }

    func testDuplicateTaskID() throws {
        try assertProblem(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#),
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#)
            ]),
            contains: ["feature 1 (task T1)", "used by feature 0 too"])
    }

    func testBritishNationalGridInAWGS84File() throws {
        try assertProblem(
            taskList([
                feature(
                    #""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#,
                    geometry: #"{"type": "LineString", "coordinates": [[344000, 293000], [344100, 293000]]}"#)
            ]),
            contains: ["looks like British National Grid metres", "EPSG:4326"])
    }

    func testUnknownOrganisationAndMismatch() throws {
        try assertProblem(
            taskList(
                organisation: "town-counsil",
                [feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#)]),
            contains: ["unknown organisation \"town-counsil\"", "did you mean \"town-council\"?"])
        try assertProblem(
            taskList(organisation: nil, [feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#)]),
            contains: ["needs \"organisation\""])
        let found = try problems(
            taskList([feature(#""task_id": "T1", "activity": "sweeping", "frequency": "weekly""#)]),
            organisation: "county-council")
        XCTAssertTrue(found.contains { $0.contains("--org says \"county-council\"") }, "\(found)")
    }

    func testOversizedFile() throws {
        let big = Data(repeating: UInt8(ascii: " "), count: TaskListReader.maxFileBytes + 1)
        try assertProblem(big, contains: ["over the limit of 20 MiB"])
    }

    func testEveryProblemIsReportedAtOnce() throws {
        let found = try problems(
            taskList([
                feature(#""task_id": "T1", "activity": "sweeping", "frequency": "sometimes""#),
                feature(#""activity": "mowing", "frequency": "weekly", "priority": 2"#, geometry: "null"),
                feature(#""task_id": "T3", "activity": "gritting", "frequency": "daily", "hours": "15:00-07:00""#)
            ]))
        XCTAssertEqual(found.count, 7, "\(found)")  // frequency; task_id, activity, priority, geometry; priority, hours
    }
}
