// The main learner flows in a real browser: Debian's chromium driven by
// playwright-core, against the real backlab binary. Screenshots of the main
// pages are written to docs/screenshots (shown in the README).

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, newPage as open, typeCode, editorText, openExercise as openIn, SHOTS } from "./browser.mjs";

const shared = useBrowser();
const newPage = (options) => open(shared, options);
const openExercise = (page, slug) => openIn(shared, page, slug);
const backend = {
  get url() {
    return shared.backend.url;
  },
};

const WRONG = 'app.get("/hello", (req, res) => {\n  res.json({ message: "Hello!" });\n});\n';
const RIGHT = 'app.get("/hello", (req, res) => {\n  const name = req.query.name || "world";\n  res.json({ message: `Hello, ${name}!` });\n});\n';

test("home → lesson → exercise: run, fail with a diff, pass, reload keeps it all", async () => {
  const { page, problems } = await newPage();
  await page.goto(backend.url);
  assert.equal(await page.locator("h1").textContent(), "Your course");
  await page.screenshot({ path: `${SHOTS}home.png`, fullPage: true });

  await page.getByRole("link", { name: /^Start: How the web works/ }).waitFor();
  await page.getByRole("link", { name: /^Routes/ }).click();
  await page.waitForURL("**/lessons/routes");
  assert.ok(await page.locator(".prose pre code .tok-string").count() > 0, "lesson code is highlighted");
  await page.getByRole("button", { name: "Mark as read" }).click();
  await page.getByRole("button", { name: "✓ Read" }).waitFor();
  await page.screenshot({ path: `${SHOTS}lesson.png`, fullPage: true });

  await page.getByRole("link", { name: "Say hello" }).click();
  await page.waitForSelector("body[data-ready=yes]");
  assert.match(await editorText(page), /res\.send\("hi"\)/, "the starter is in the editor");

  await typeCode(page, WRONG);
  await page.getByText(/Draft saved/).waitFor();
  await page.locator("input[name=path]").fill("/hello?name=Ada");
  await page.getByRole("button", { name: /^Run/ }).click();
  const result = page.locator("#try-result");
  await result.locator(".status").waitFor();
  assert.equal(await result.locator(".status").textContent(), "200");
  assert.match(await result.locator("pre.body").textContent(), /"message": "Hello!"/);
  assert.match(await result.locator(".curl").textContent(), /curl -i 'http:\/\/localhost:3000\/hello\?name=Ada'/);

  await page.getByRole("button", { name: /^Submit/ }).click();
  const report = page.locator("#report .report");
  await report.waitFor();
  assert.match(await report.locator(".headline").textContent(), /✗ \d of \d tests pass/);
  assert.match(await report.locator(".diff").first().textContent(), /message: expected "Hello, world!", got "Hello!"/);
  await page.screenshot({ path: `${SHOTS}exercise-report.png`, fullPage: true });

  await typeCode(page, RIGHT);
  await page.keyboard.press("Control+S");
  await page.locator("#report .report.pass").waitFor();
  assert.equal(await page.locator("#report .headline").textContent(), "✓ Every test passes. Well done!");
  assert.equal(await page.locator("#passed-badge").isVisible(), true);
  assert.match(await page.locator("#report .after-pass a").first().textContent(), /^Next: What did the client send\?/, "the next exercise of the lesson");

  await page.reload();
  await page.waitForSelector("body[data-ready=yes]");
  assert.equal(await editorText(page), RIGHT, "the draft survives a reload");
  assert.equal(await page.locator("#passed-badge").isVisible(), true);
  assert.match(await page.locator("#submissions").textContent(), /✓ #2: \d of \d/);
  await page.goto(backend.url);
  assert.match(await page.locator("#track-servers + .blurb + .progress + .count").textContent(), /^2 of \d+ done$/);
  assert.deepEqual(problems, []);
});

test("Run shows each SQL statement with its rows, and the tables afterwards", async () => {
  const { page, problems } = await newPage();
  await openExercise(page, "login-injection");
  await page.locator("#sample").selectOption({ index: 4 });
  assert.match(await page.locator("textarea[name=body]").inputValue(), /OR/, "the attack test's request is in the form");
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+Enter");
  const trace = page.locator("#try-result .events");
  await trace.waitFor();
  assert.match(await trace.locator("li.sql pre").first().textContent(), /SELECT \* FROM users WHERE username = '' OR '1'='1' --'/);
  assert.ok(await trace.locator("li.sql table").count() > 0, "the statement's rows are shown");
  assert.match(await trace.locator("li.sql table").first().textContent(), /alice/, "the attack matched alice's row");
  assert.match(await page.locator("#try-result .after h4").first().textContent(), /users — 2 rows/);
  await page.screenshot({ path: `${SHOTS}exercise-run.png`, fullPage: true });
  await page.getByRole("tab", { name: "Schema" }).click();
  assert.ok(await page.locator("#panel-schema").isVisible());
  assert.match(await page.locator("#panel-schema h3").first().textContent(), /users/);
  assert.deepEqual(problems, []);
});

test("hints come one at a time; reset puts the starter back", async () => {
  const { page } = await newPage();
  await openExercise(page, "select-basics");
  const hints = page.locator("#hints li");
  assert.equal(await hints.count(), 0);
  await page.locator("#hint-button").click();
  assert.equal(await hints.count(), 1);
  await page.locator("#hint-button").click();
  assert.equal(await hints.count(), 2);
  const starter = await editorText(page);
  await typeCode(page, "SELECT 1;");
  await page.getByText(/Draft saved/).waitFor();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Reset to starter" }).click();
  await page.getByText("Back to the starter code.").waitFor();
  assert.equal(await editorText(page), starter);
  await page.reload();
  await page.waitForSelector("body[data-ready=yes]");
  assert.equal(await editorText(page), starter, "the reset survives a reload");
  assert.equal(await hints.count(), 2, "revealed hints stay revealed");
});

test("phone layout and dark mode", async () => {
  const { page, problems } = await newPage({ viewport: { width: 390, height: 844 }, colorScheme: "dark", isMobile: true });
  await openExercise(page, "hello-route");
  const editor = await page.locator("#editor").boundingBox();
  const brief = await page.locator(".brief").boundingBox();
  assert.ok(editor.y > brief.y, "the editor goes below the instructions on a phone");
  assert.ok(editor.width <= 390, "nothing is wider than the screen");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(21, 24, 28)", "dark mode follows the system");
  await page.screenshot({ path: `${SHOTS}phone-dark.png`, fullPage: false });
  assert.deepEqual(problems, []);
});

test("changes typed while Backlab cannot be reached are kept and saved later", async () => {
  const { page } = await newPage();
  await openExercise(page, "greeting-formats");
  const drafts = "**/api/exercises/greeting-formats/draft";
  await page.route(drafts, (route) => (route.request().method() === "PUT" ? route.abort() : route.continue()));
  await typeCode(page, "// typed while offline\n");
  await page.getByText(/Not saved to Backlab yet \(kept in this browser\)/).waitFor();

  // Still unreachable: the page comes back from this browser's copy.
  await page.reload();
  await page.waitForSelector("body[data-ready=yes]");
  assert.equal(await editorText(page), "// typed while offline\n", "the browser's copy came back");
  await page.getByText(/Restored changes that had not reached Backlab|Not saved to Backlab yet/).waitFor();

  // Reachable again: the copy is restored once more and saved.
  await page.unroute(drafts);
  await page.reload();
  await page.waitForSelector("body[data-ready=yes]");
  await page.getByText(/Draft saved/).waitFor();
  const saved = await page.evaluate(() => fetch("/api/exercises/greeting-formats/draft").then((r) => r.json()));
  assert.equal(saved.code, "// typed while offline\n", "and it reached Backlab");
});

test("when the saved draft cannot be read, the editor opens with the starter and never saves over it", async () => {
  const { page } = await newPage();
  const slug = "echo-request";
  const path = `/api/exercises/${slug}/draft`;
  const saved = "// my real work\n";
  await page.goto(backend.url);
  const put = await page.evaluate(async ([path, code]) => (await fetch(path, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) })).status, [path, saved]);
  assert.equal(put, 200);

  const problem = "The progress file /data/progress.db is damaged (database disk image is malformed): move it aside.";
  await page.route(`**${path}`, (route) =>
    route.request().method() === "GET"
      ? route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: problem }) })
      : route.continue(),
  );
  await openExercise(page, slug);
  const starter = await page.evaluate(() => JSON.parse(document.getElementById("exercise-data").textContent).starter);
  assert.equal(await editorText(page), starter, "the starter is in the editor");
  await page.getByText(/Could not read your saved draft, so this is the starter code/).waitFor();
  await page.getByText(/is damaged \(database disk image is malformed\)/).waitFor();

  // Typing is kept in this browser, and nothing is sent over the saved draft.
  await typeCode(page, "// typed on the starter\n");
  await page.getByText(/Kept in this browser only/).waitFor();
  await page.waitForTimeout(1500);
  // Asked from outside the page, which still sees its draft requests fail.
  const stored = await fetch(`${backend.url}${path}`).then((r) => r.json());
  assert.equal(stored.code, saved, "the saved draft is untouched");

  // Once the draft can be read again, it comes back, and the other code is offered.
  await page.unroute(`**${path}`);
  await page.reload();
  await page.waitForSelector("body[data-ready=yes]");
  assert.equal(await editorText(page), saved, "the saved draft is back");
  await page.getByRole("button", { name: "Put that code in the editor" }).click();
  assert.equal(await editorText(page), "// typed on the starter\n");
  await page.getByText(/Draft saved/).waitFor();
});
