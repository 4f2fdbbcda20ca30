//! `fetch` to the services an exercise declares: canned answers matched in
//! the guest, every call in the trace, slow answers on the timer clock.

use serde_json::json;

use crate::util::{get, json, run_with};
use backlab::sandbox::RunOptions;
use backlab::sandbox::trace::Event;

fn with_services(services: serde_json::Value) -> RunOptions {
    RunOptions {
        services: services.to_string(),
        ..RunOptions::default()
    }
}

fn payments() -> RunOptions {
    with_services(json!([{
        "url": "https://pay.example",
        "answers": [
            { "method": "POST", "path": "/v1/charges", "status": 503, "headers": {}, "body": "busy", "times": 1, "delay_ms": 0 },
            { "method": "POST", "path": "/v1/charges", "status": 201, "headers": { "content-type": "application/json" }, "body": "{\"id\":\"ch_1\",\"status\":\"succeeded\"}", "delay_ms": 0 },
            { "method": "GET", "path": "/v1/charges/*", "status": 200, "headers": {}, "body": "{\"id\":\"any\"}", "delay_ms": 5000 },
        ]
    }]))
}

#[test]
fn answers_are_given_in_order_and_every_call_is_traced() {
    let code = r#"
app.post("/pay", async (req, res) => {
  const send = () => fetch("https://pay.example/v1/charges", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": "order-7" },
    body: JSON.stringify({ amount: 500 }),
  });
  const first = await send();
  const second = await send();
  res.json({ first: [first.status, first.ok, await first.text()], second: [second.status, second.headers.get("Content-Type"), await second.json()] });
});"#;
    let outcome = run_with(
        code,
        backlab::sandbox::HttpRequest::new("POST", "/pay"),
        &payments(),
    );
    assert_eq!(
        json(&outcome),
        json!({
            "first": [503, false, "busy"],
            "second": [201, "application/json", { "id": "ch_1", "status": "succeeded" }],
        })
    );
    let calls = &outcome.trace.calls;
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].method, "POST");
    assert_eq!(calls[0].url, "https://pay.example/v1/charges");
    assert_eq!(calls[0].header("Idempotency-Key"), Some("order-7"));
    assert_eq!(calls[0].body, r#"{"amount":500}"#);
    assert_eq!((calls[0].status, calls[1].status), (503, 201));
    let traced = outcome
        .trace
        .events
        .iter()
        .filter(|e| matches!(e, Event::Call(_)))
        .count();
    assert_eq!(traced, 2);
}

#[test]
fn a_slow_answer_loses_a_race_with_a_shorter_timer_the_same_way_every_run() {
    let code = r#"
const within = (ms, promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("timed out"), ms))]);
app.get("/", async (req, res) => {
  const slow = await within(1000, fetch("https://pay.example/v1/charges/ch_1"));
  const patient = await within(10000, fetch("https://pay.example/v1/charges/ch_2"));
  res.json({ slow, patient: patient.status });
});"#;
    for _ in 0..2 {
        assert_eq!(
            json(&run_with(code, get("/"), &payments())),
            json!({ "slow": "timed out", "patient": 200 })
        );
    }
}

#[test]
fn an_undeclared_path_is_a_404_and_an_undeclared_host_has_no_network() {
    let code = r#"
app.get("/", async (req, res) => {
  const missing = await fetch("https://pay.example/v2/nothing");
  let offline;
  try { await fetch("https://example.com/"); } catch (e) { offline = e.name + ": " + e.message; }
  res.json({ missing: missing.status, offline });
});"#;
    let outcome = run_with(code, get("/"), &payments());
    assert_eq!(
        json(&outcome),
        json!({
            "missing": 404,
            "offline": "TypeError: fetch failed: https://example.com/ is not a service this exercise provides; Backlab's sandbox has no network (it can reach https://pay.example)",
        })
    );
    let statuses: Vec<u16> = outcome.trace.calls.iter().map(|c| c.status).collect();
    assert_eq!(statuses, [404, 0]);
}

#[test]
fn without_services_fetch_says_there_is_no_network() {
    let code = r#"
app.get("/", async (req, res) => {
  try { await fetch("https://api.github.com/"); res.json("reached"); }
  catch (e) { res.json(e.message); }
});"#;
    assert_eq!(
        json(&run_with(code, get("/"), &RunOptions::default())),
        json!(
            "fetch failed: https://api.github.com/ is not a service this exercise provides; Backlab's sandbox has no network"
        )
    );
}

#[test]
fn common_mistakes_with_fetch_are_said_in_words() {
    let code = r#"
const reason = (p) => p.then(() => "ok", (e) => e.message);
app.get("/", async (req, res) => {
  const object = await reason(fetch("https://pay.example/v1/charges", { method: "POST", body: { amount: 1 } }));
  const relative = await reason(fetch("/v1/charges"));
  const response = await fetch("https://pay.example/v1/charges/x");
  await response.text();
  const twice = await reason(response.json());
  res.json({ object, relative, twice });
});"#;
    let options = with_services(json!([{ "url": "https://pay.example", "answers": [
        { "method": "GET", "path": "/v1/charges/*", "status": 200, "headers": {}, "body": "{}", "delay_ms": 0 }
    ] }]));
    assert_eq!(
        json(&run_with(code, get("/"), &options)),
        json!({
            "object": "fetch: send the body as a string, e.g. body: JSON.stringify(data), with a Content-Type header",
            "relative": "fetch needs a whole URL such as https://api.example.com/v1/items, not \"/v1/charges\"",
            "twice": "the response body was already read: call res.json() or res.text() once",
        })
    );
}

#[test]
fn when_a_tests_answers_are_used_up_the_exercises_answer_next() {
    // What the grader sends for a test that overrides the exercise's
    // service: the test's services first, then the exercise's.
    let options = with_services(json!([
        { "url": "https://pay.example", "answers": [
            { "method": "POST", "path": "/v1/charges", "status": 503, "headers": {}, "body": "", "times": 1, "delay_ms": 0 }
        ] },
        { "url": "https://pay.example", "answers": [
            { "method": "POST", "path": "/v1/charges", "status": 201, "headers": {}, "body": "{}", "delay_ms": 0 }
        ] },
    ]));
    let code = r#"
app.get("/", async (req, res) => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await fetch("https://pay.example/v1/charges", { method: "POST" })).status);
  statuses.push((await fetch("https://pay.example/v1/refunds", { method: "POST" })).status);
  res.json(statuses);
});"#;
    assert_eq!(
        json(&run_with(code, get("/"), &options)),
        json!([503, 201, 201, 404])
    );
}
