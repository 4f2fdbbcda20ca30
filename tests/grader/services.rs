//! Exercises that declare other services: `fetch` gets their answers, a
//! test may override them, and `[[tests.calls]]` checks what the app sent.

use crate::util::{exercise, grade_code, problems};
use backlab::grader::Status;

const TESTS: &str = r#"
[[services]]
url = "https://pay.example/"

[[services.answers]]
method = "POST"
path = "/v1/charges"
status = 201
json = { id = "ch_1", status = "succeeded" }

[[tests]]
name = "Paying charges the card once, with the order as the idempotency key"

[[tests.steps]]
method = "POST"
path = "/orders/7/pay"
expect.status = 200
expect.json = { paid = true, charge = "ch_1" }

[[tests.calls]]
url = "https://pay.example/v1/charges"
method = "POST"
count = 1
json_contains = { amount = 500 }
headers = { idempotency-key = "order-7" }

[[tests]]
name = "A declined card is a 402"

[[tests.services]]
url = "https://pay.example"

[[tests.services.answers]]
method = "POST"
path = "/v1/charges"
status = 402
json = { error = "card_declined" }

[[tests.steps]]
method = "POST"
path = "/orders/7/pay"
expect.status = 402
"#;

const GOOD: &str = r#"
app.post("/orders/:id/pay", async (req, res) => {
  const answer = await fetch("https://pay.example/v1/charges", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `order-${req.params.id}` },
    body: JSON.stringify({ amount: 500, currency: "eur" }),
  });
  if (answer.status === 402) return res.status(402).json({ error: "the card was declined" });
  const charge = await answer.json();
  res.json({ paid: true, charge: charge.id });
});"#;

#[test]
fn a_solution_that_calls_the_service_as_asked_passes() {
    let report = grade_code(&exercise(TESTS), GOOD);
    assert_eq!(report.passed, 2, "{report:#?}");
}

#[test]
fn a_call_without_its_idempotency_key_fails_with_what_was_missing() {
    let code = GOOD.replace(", \"Idempotency-Key\": `order-${req.params.id}`", "");
    let report = grade_code(&exercise(TESTS), &code);
    let first = &report.tests[0];
    assert_eq!(first.status, Status::Fail);
    assert_eq!(
        first.message.as_deref(),
        Some(
            "calls to POST https://pay.example/v1/charges: the call: it has no idempotency-key header"
        )
    );
}

#[test]
fn charging_twice_is_caught_by_the_count() {
    let code = GOOD.replace("const charge = await answer.json();", "await fetch(\"https://pay.example/v1/charges\", { method: \"POST\", body: \"{}\" });\n  const charge = await answer.json();");
    let report = grade_code(&exercise(TESTS), &code);
    assert!(
        report.tests[0].message.as_deref().is_some_and(|m| m
            .contains("expected 1 call to POST https://pay.example/v1/charges, the app made 2")),
        "{:?}",
        report.tests[0].message
    );
}

#[test]
fn services_and_calls_are_checked_at_load_with_their_lines() {
    let tests = r#"
[[services]]
url = "pay.example"

[[services.answers]]
path = "v1/charges"
status = 700

[[tests]]
name = "x"

[[tests.steps]]
path = "/"

[[tests.calls]]
url = "/v1/charges"
method = "FETCH"
"#;
    let found = problems(tests);
    assert_eq!(
        found,
        [
            "exercises/fixture/exercise.toml:9: services url = \"pay.example\" must be a base URL such as https://api.pay.example (no query string)",
            "exercises/fixture/exercise.toml:12: answers path = \"v1/charges\" must start with / and hold no query string",
            "exercises/fixture/exercise.toml:13: answers status = 700 is not an HTTP status (100 to 599)",
            "exercises/fixture/exercise.toml:22: test \"x\": calls url = \"/v1/charges\" must be a whole URL, such as https://api.pay.example/v1/charges",
            "exercises/fixture/exercise.toml:23: test \"x\": method = \"FETCH\" is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
        ]
    );
}
