/// The partners' page at `/`: one self-contained HTML file (no build step,
/// nothing fetched from elsewhere). It keeps the pasted token in the page
/// only, and calls the same /v1 API as any client.
enum WebPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>StreetRounds: your task list</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem auto;\#
         max-width: 60rem; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
        input[type=text], input[type=password] { width: 28rem; max-width: 100%; }
        textarea { width: 100%; height: 12rem; font-family: monospace; font-size: 0.85rem; }
        #problems li { color: #a00; } .ok { color: #060; } .bad { color: #a00; }
        table { border-collapse: collapse; }\#
         td, th { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; }
        #map svg { width: 100%; height: auto; border: 1px solid #ccc; }
        </style>
        </head>
        <body>
        <h1>StreetRounds: your organisation's task list</h1>
        <p>Paste the API token the coordinator gave you. It stays in this page only.</p>
        <p><label>Token <input id="token" type="password" autocomplete="off"></label>
        <button id="use">Use token</button> <span id="who"></span></p>
        <p><label>Organisation <select id="org"></select></label></p>

        <h2>Check and submit a task list</h2>
        <p><label>GeoJSON file <input id="file" type="file" accept=".geojson,.json,application/geo+json"></label></p>
        <p><textarea id="list" spellcheck="false" placeholder="or paste the FeatureCollection here"></textarea></p>
        <p><button id="check">Check</button> <button id="submit">Submit</button> <span id="status"></span></p>
        <ul id="problems"></ul>

        <h2>Stored tasks</h2>
        <p><label>Week <input id="week" type="text" size="9" placeholder="2026-W48"></label>
        <button id="refresh">Show</button> <button id="export">Download the list (GeoJSON)</button></p>
        <div id="map"></div>
        <table id="tasks"><thead><tr><th>Task</th><th>Activity</th><th>When</th><th>km</th><th>Streets</th></tr></thead>
        <tbody></tbody></table>
        <ul id="overlaps"></ul>

        <h2>Plans</h2>
        <p><button id="plans">Show the plans</button></p>
        <ul id="planlist"></ul>

        <script>
        "use strict";
        const $ = (id) => document.getElementById(id);
        function headers(extra) {\#
         return Object.assign({ "Authorization": "Bearer " + $("token").value.trim() }, extra || {}); }
        function say(text, ok) { $("status").textContent = text; $("status").className = ok ? "ok" : "bad"; }
        function item(list, text) {\#
         const li = document.createElement("li"); li.textContent = text; list.appendChild(li); return li; }
        // Lines that differ only in their street segment, once each with the segments' ids.
        function group(lines, key, text, id) {
          if (!lines.has(key)) lines.set(key, { text, ids: new Set() });
          lines.get(key).ids.add(id);
        }
        function segments(ids) { return ids.size > 1 ? " (" + ids.size + " segments)" : ""; }
        function money(x) { return "£" + Number(x).toFixed(2); }
        async function call(method, path, body) {
          const type = body ? { "Content-Type": "application/geo+json" } : {};
          const response = await fetch(path, { method, headers: headers(type), body });
          const answer = response.headers.get("Content-Type") || "";
          const data = answer.includes("json") ? await response.json() : await response.text();
          return { ok: response.ok, status: response.status, data };
        }
        function showProblem(result) {
          $("problems").innerHTML = "";
          say(result.data.detail || ("HTTP " + result.status), false);
          for (const p of (result.data.problems || [])) item($("problems"), p.text);
        }
        async function useToken() {
          const me = await call("GET", "/v1/me");
          if (!me.ok) { showProblem(me); $("who").textContent = ""; return; }
          $("who").textContent = me.data.role + (me.data.organisation ? " of " + me.data.organisation : "");
          const orgs = await call("GET", "/v1/organisations");
          $("org").innerHTML = "";
          for (const o of (orgs.data.organisations || [])) {
            const option = document.createElement("option");
            option.value = o.id; option.textContent = o.name + " (" + o.id + ")";
            $("org").appendChild(option);
          }
          say("Token accepted.", true);
          await refresh();
        }
        function base() { return "/v1/organisations/" + encodeURIComponent($("org").value); }
        async function send(method, path, okText) {
          $("problems").innerHTML = "";
          const result = await call(method, base() + path, $("list").value);
          if (!result.ok) { showProblem(result); return; }
          say(okText(result.data), true);
          await refresh();
        }
        async function refresh() {
          if (!$("org").value) return;
          const week = $("week").value.trim();
          const query = week ? "?week=" + encodeURIComponent(week) : "";
          const list = await call("GET", base() + "/task-list");
          const body = $("tasks").querySelector("tbody"); body.innerHTML = "";
          for (const t of (list.ok ? list.data.tasks : [])) {
            const row = body.insertRow();
            const when = t.when_due + " " + t.weekdays.join(",");
            for (const v of [t.task_id, t.activity, when, t.km, t.streets.slice(0, 4).join(", ")]) {
              row.insertCell().textContent = v;
            }
          }
          const map = await call("GET", base() + "/map.svg" + query);
          $("map").innerHTML = map.ok ? map.data : "";
          const overlaps = await call("GET", base() + "/overlaps" + query);
          $("overlaps").innerHTML = "";
          // One line per street (and place) and kind of overlap, with its count of street segments.
          const lines = new Map();
          for (const f of (overlaps.ok ? overlaps.data.findings : [])) {
            const where = f.segment.street + (f.segment.place ? ", " + f.segment.place : "");
            const text = f.kind + " on " + where + ": " + f.activities.join(" and ")\#
         + " by " + f.organisations.join(" and ");
            group(lines, text + "\u0000" + (f.segment.street_group || ""), text, f.segment.id);
          }
          for (const line of lines.values()) item($("overlaps"), line.text + segments(line.ids));
        }
        async function download() {
          const result = await call("GET", base() + "/task-list/geojson");
          if (!result.ok) { showProblem(result); return; }
          const link = document.createElement("a");
          link.href = URL.createObjectURL(\#
        new Blob([JSON.stringify(result.data, null, 1)], { type: "application/geo+json" }));
          link.download = $("org").value + "-tasks.geojson"; link.click();
        }
        $("use").addEventListener("click", useToken);
        $("file").addEventListener("change", async () => {
          const f = $("file").files[0];
          if (f) $("list").value = await f.text();
        });
        $("check").addEventListener("click", () => send("POST", "/task-list/validation",
          (d) => "No problem: " + d.tasks + " tasks, " + d.matched.segments + " segments."));
        $("submit").addEventListener("click", () => send("PUT", "/task-list",
          (d) => "Stored as submission " + d.submission.id + ": " + d.submission.task_count + " tasks."));
        async function save(path, name) {
          const response = await fetch(path, { headers: headers() });
          if (!response.ok) { showProblem({ status: response.status, data: await response.json() }); return; }
          const link = document.createElement("a");
          link.href = URL.createObjectURL(await response.blob());
          link.download = name; link.click();
        }
        async function plans() {
          const result = await call("GET", "/v1/plans");
          $("planlist").innerHTML = "";
          if (!result.ok) { showProblem(result); return; }
          if (result.data.plans.length === 0) item($("planlist"), "No plan run yet.");
          for (const p of result.data.plans) {
            const li = document.createElement("li");
            li.textContent = "Plan " + p.id + " for " + p.week + ": " + p.state\#
         + (p.state === "running" ? " (" + p.progress + ")" : "") + " ";
            if (p.state === "done") {
              const files = [["rounds.geojson", "rounds"], ["schedule.csv", "schedule"], ["savings", "savings"]];
              for (const [file, label] of files) {
                const button = document.createElement("button");
                button.textContent = label;
                const name = "plan-" + p.id + "-" + (file === "savings" ? "savings.json" : file);
                button.addEventListener("click", () => save("/v1/plans/" + p.id + "/" + file, name));
                li.appendChild(button);
              }
              await planDetails(p, li);
            }
            if (p.state === "failed") item(li, "Failed: " + p.error);
            $("planlist").appendChild(li);
          }
        }
        const days = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday",\#
         sat: "Saturday", sun: "Sunday" };
        async function planDetails(p, li) {
          const details = document.createElement("ul"); li.appendChild(details);
          const w = p.stable_week;
          if (w) item(details, "Started from " + w.from + ": " + Math.round(w.kept_crew_and_day * 100)\#
         + "% of the shared plan's " + w.visits + " task visits kept their crew and day.");
          const savings = await call("GET", "/v1/plans/" + p.id + "/savings");
          if (!savings.ok) return;
          const s = savings.data;
          if (s.share) item(details, "Your share of the saving: " + money(s.share.money_gbp) + " ("\#
         + s.share.crew_hours + " crew hours, " + s.share.km + " km).");
          else if (s.savings) item(details, "Saving from sharing: " + money(s.savings.money_gbp) + ".");
          if (s.like_for_like === false) item(details, "Not like for like: " + s.unequal_work + ".");
          const conflicts = s.order_conflicts || [];
          if (conflicts.length === 0) item(details, "Every order rule is kept within each day.");
          const lines = new Map();
          for (const c of conflicts) {
            const text = "Order rule broken: " + (days[c.day] || c.day) + ", " + c.street + ": "\#
         + c.first + " should come before " + c.then + " (" + c.reason + "); rounds " + c.rounds.join(" and ")\#
         + " of " + c.organisations.join(" and ");
            group(lines, text, text, c.segment_id);
          }
          for (const line of lines.values()) item(details, line.text + segments(line.ids) + ".").className = "bad";
        }
        $("plans").addEventListener("click", plans);
        $("refresh").addEventListener("click", refresh);
        $("export").addEventListener("click", download);
        </script>
        </body>
        </html>
        """#
}
