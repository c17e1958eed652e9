import Planning

/// The report's list of order rules the plan could not keep inside a day.
extension HTMLReport {
    /// One row per street and day where a rule's second activity is served
    /// before its first (sweeping before the grass is cut), with the rounds
    /// of the two stops and the organisations told; "" when none.
    static func orderConflictsSection(_ plan: WeeklyPlan) -> String {
        guard !plan.orderConflicts.isEmpty else { return "" }
        var h = "<section class=\"sheet\"><h2>Out of order within a day</h2>\n<div class=\"scroll\"><table><tr>"
        h += "<th>street</th><th>day</th><th>served first</th><th>should come first</th><th class=\"text\">why</th>"
        h += "<th class=\"text\">rounds</th><th class=\"text\">organisations</th></tr>\n"
        for c in plan.orderConflicts {
            h += "<tr><td>\(HTMLText.escape(c.street))</td><td>\(c.day.code)</td><td>\(HTMLText.escape(c.then))</td>"
            h += "<td>\(HTMLText.escape(c.first))</td><td class=\"text\">\(HTMLText.escape(c.reason))</td>"
            h += "<td class=\"text\">\(HTMLText.escape(c.rounds.joined(separator: ", ")))</td>"
            h += "<td class=\"text\">\(HTMLText.escape(c.organisations.joined(separator: ", ")))</td></tr>\n"
        }
        return h + "</table></div></section>\n"
    }
}
