// The learner's page beyond the first pass, in a real browser: a file that
// does not load, the attack story of a security test, SQL rows compared as
// tables, clues for hidden tests, Run's history and busy states, the
// solution after a pass (or on request), search, the glossary, and axe-core
// finding no accessibility violation on any page type in either theme.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { useBrowser, newPage, typeCode, editorText, openExercise, pageWidth, SHOTS } from "./browser.mjs";

const shared = useBrowser();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function submit(page) {
  await page.getByRole("button", { name: /^Submit/ }).click();
  await page.locator("#report .report").waitFor();
}

test("a file that does not load: one banner, its line marked in the editor, no hidden-test advice", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "todo-resource");
  await typeCode(page, 'app.get("/todos", (req, res) => {\n  res.json(db.prepare("SELECT * FROM todos").all();\n});\n');
  await submit(page);
  const report = page.locator("#report .report.not-loaded");
  await report.waitFor();
  assert.equal(await report.locator(".headline").textContent(), "Your file did not load");
  assert.match(await report.textContent(), /None of the \d+ tests ran/);
  assert.match(await report.textContent(), /line 2/);
  assert.equal(await page.locator("#report .test").count(), 0, "no test is listed");
  assert.doesNotMatch(await page.locator("#report").textContent(), /hidden test/i);
  await page.locator(".cm-lintRange-error").first().waitFor();
  assert.ok((await page.locator(".cm-lint-marker-error").count()) > 0, "a gutter marker");
  await page.screenshot({ path: `${SHOTS}diagnostics.png`, fullPage: false });

  // Editing clears the mark; Run marks it again.
  await page.locator(".cm-line").nth(1).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" ");
  assert.equal(await page.locator(".cm-lintRange-error").count(), 0);
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("#try-result .verdict").waitFor();
  await page.locator(".cm-lintRange-error").first().waitFor();
  assert.match(await page.locator("#try-result .verdict").textContent(), /Syntax error at app\.js line 2/);
  assert.deepEqual(problems, []);
});

test("a failed security test tells the attack's story, and long values fit at 1280 and 390 px", async () => {
  for (const [width, shot] of [[1280, "security-story.png"], [390, "phone-report.png"], [320, null]]) {
    const phone = width < 500 ? { viewport: { width, height: 844 }, isMobile: true, hasTouch: true } : {};
    const { page, problems } = await newPage(shared, phone);
    await openExercise(shared, page, "login-injection");
    await page.getByRole("button", { name: "Reset to starter" }).waitFor();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Reset to starter" }).click();
    await page.getByText("Back to the starter code.").waitFor();
    await submit(page);
    const story = page.locator("#report .story").first();
    await story.waitFor();
    assert.match(await story.locator("h4").first().textContent(), /The attack/);
    assert.match(await story.locator(".story-sql pre").first().textContent(), /SELECT \* FROM users WHERE username = '/);
    assert.ok((await story.locator(".story-sql mark").count()) > 0, "the attacker's text is marked in the SQL");
    assert.match(await story.textContent(), /It matched \d+ rows?/);
    assert.match(await story.textContent(), /The fix/);
    assert.ok((await pageWidth(page)) <= width, `the page is ${await pageWidth(page)} px wide at ${width}`);
    if (width < 500) assert.equal(await page.locator("#run .keys").isVisible(), false, "no shortcut hints on a phone");
    await story.scrollIntoViewIfNeeded();
    if (shot) await page.screenshot({ path: `${SHOTS}${shot}`, fullPage: false });
    assert.deepEqual(problems, []);
  }
});

test("SQL rows are compared as tables with the missing and extra rows marked", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "select-basics");
  await typeCode(page, "SELECT * FROM books;");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("#try-result .verdict").waitFor();
  assert.match(await page.locator("#try-result .verdict").textContent(), /Your statement ran and returned \d+ rows?/);
  await submit(page);
  const rows = page.locator("#report .versus.rows").first();
  await rows.waitFor();
  assert.ok((await rows.locator("table").count()) === 2, "expected and actual as two tables");
  assert.ok((await rows.locator("tr.marked").count()) > 0, "the rows that differ are marked");
  await rows.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}sql-diff.png`, fullPage: false });
  assert.deepEqual(problems, []);
});

test("a hidden test's clue appears from its second failure", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "validate-event");
  await typeCode(page, 'app.post("/events", (req, res) => {\n  res.status(201).json(req.body);\n});\n');
  await submit(page);
  assert.equal(await page.locator("#report .clue").count(), 0, "no clue after one failure");
  await submit(page);
  await page.locator("#report .clue").first().waitFor();
  assert.match(await page.locator("#report .clue").first().textContent(), /^Clue: .{10,}/);
  assert.match(await page.locator("#report > p.quiet").first().textContent(), /Submission #2\./, "numbered per exercise");

  // An earlier submission shows its code, and can put it back.
  await page.locator("#submissions button", { hasText: "#1:" }).click();
  await page.locator("#report .old-code").waitFor();
  await page.locator("#report .old-code summary").click();
  assert.match(await page.locator("#report .old-code pre").textContent(), /res\.status\(201\)/);
  await typeCode(page, "// something else\n");
  await page.getByRole("button", { name: "Put this code back in the editor" }).click();
  assert.match(await editorText(page), /res\.status\(201\)\.json\(req\.body\)/);
  assert.deepEqual(problems, []);
});

test("a newer Run replaces an older one, earlier runs stay a click away, and Submit shows it is busy", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "echo-request");
  let delayed = false;
  await page.route("**/api/exercises/echo-request/run", async (route) => {
    if (!delayed) {
      delayed = true;
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    await route.continue().catch(() => {});
  });
  await page.locator("input[name=path]").fill("/first");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("input[name=path]").fill("/second");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("#try-result .curl").waitFor();
  await page.waitForTimeout(1000);
  assert.match(await page.locator("#try-result .curl").textContent(), /\/second/, "the newest run's result stays");
  await page.locator("input[name=path]").fill("/third");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator(".run-chip").nth(1).waitFor();
  assert.equal(await page.locator(".run-chip").count(), 2);
  await page.locator(".run-chip").nth(1).click();
  assert.match(await page.locator("#try-result .curl").textContent(), /\/second/);

  await page.route("**/api/exercises/echo-request/submit", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.getByRole("button", { name: /^Submit/ }).click();
  assert.equal(await page.locator("#submit").getAttribute("aria-busy"), "true");
  assert.equal(await page.locator("#run").isDisabled(), true, "Run waits while Submit grades");
  await page.locator("#report .report").waitFor();
  assert.equal(await page.locator("#run").isDisabled(), false);
  assert.deepEqual(problems, []);
});

test("after a pass: the next step and the reference solution with why it works; before, only on request", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "visit-counter");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Show me the solution" }).click();
  const shown = page.locator("#give-up-solution pre.solution");
  await shown.waitFor();
  const solution = await shown.textContent();
  await typeCode(page, solution);
  await submit(page);
  const panel = page.locator("#report .after-pass");
  await panel.waitFor();
  assert.match(await panel.getByRole("link").first().textContent(), /^Next: /);
  await panel.getByRole("button", { name: "Compare with the reference solution" }).click();
  await panel.locator("pre.solution").waitFor();
  assert.match(await panel.textContent(), /Why this works/);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}after-pass.png`, fullPage: false });
  assert.deepEqual(problems, []);
});

test("a tests exercise: Run asks the correct app, Submit grades the learner's tests by the bugs they catch", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "test-the-todos");
  assert.equal(await page.locator(".tag", { hasText: "Tests (TOML)" }).count(), 1);
  await page.locator("#request-form input[name=path]").fill("/todos/2");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("#try-result pre.body").waitFor();
  assert.match(await page.locator("#try-result pre.body").textContent(), /"done": true/);

  // The starter's one test passes on the app but misses most bugs.
  await submit(page);
  const lines = page.locator("#report .test");
  assert.ok((await lines.count()) >= 4, "a line for the app and one per broken copy");
  assert.match(await lines.first().textContent(), /Your tests pass on the correct app/);
  assert.match(await page.locator("#report").textContent(), /Catches the bug: a title of 101 characters is accepted/);
  assert.match(await page.locator("#report").textContent(), /every one of your tests passes on this broken app/);

  // A test that expects what the app never promised is shown with its request.
  await typeCode(page, '[[tests]]\nname = "Too strict"\n[[tests.steps]]\npath = "/todos/1"\nexpect.status = 201\n');
  await submit(page);
  assert.match(await lines.first().textContent(), /"Too strict" fails on the correct app/);
  assert.deepEqual(problems, []);
});

test("opening a lesson's exercise marks the lesson read; search and the glossary find terms", async () => {
  const { page, problems } = await newPage(shared);
  await openExercise(shared, page, "sort-allowlist");
  const lesson = await page.locator(".crumbs a").nth(2).getAttribute("href");
  await page.goto(`${shared.backend.url}${lesson}`);
  await page.getByRole("button", { name: "✓ Read" }).waitFor();

  await page.locator("#top-search-q").fill("csrf token");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/search?q=csrf+token");
  assert.ok((await page.locator(".search-results li").count()) > 0);
  assert.ok((await page.locator(".search-results mark").count()) > 0, "the match is marked");

  await page.goto(`${shared.backend.url}/lessons/idempotency`);
  const term = page.locator('.prose a[href^="/glossary#"]').first();
  await term.waitFor();
  await term.click();
  await page.waitForURL("**/glossary#*");
  assert.ok((await page.locator(".glossary dt").count()) >= 30);
  assert.ok(await page.locator(".term:target").isVisible());
  assert.deepEqual(problems, []);
});

test("axe-core finds no accessibility violation on any page type, in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    // axe's script is added to each page, which Backlab's CSP forbids.
    const { page } = await newPage(shared, { colorScheme, bypassCSP: true });
    const pages = [
      ["home", "/"],
      ["track", "/tracks/security"],
      ["lesson", "/lessons/sql-injection"],
      ["exercise", "/exercises/login-injection"],
      ["SQL exercise", "/exercises/select-basics"],
      ["search", "/search?q=session"],
      ["glossary", "/glossary"],
      ["not found", "/no/such/page"],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${shared.backend.url}${path}`);
      if (name.includes("exercise")) {
        await page.waitForSelector("body[data-ready=yes]");
        // A report on the page too: every part of it is checked.
        await submit(page);
        await page.getByRole("tab", { name: /Try a request|Run result/ }).click();
        await page.getByRole("button", { name: /^Run/ }).click();
        await page.locator("#try-result .verdict").waitFor();
        await page.getByRole("tab", { name: "Report" }).click();
      }
      await page.addScriptTag({ path: AXE });
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")})`);
      });
      assert.deepEqual(found, [], `${name} page in ${colorScheme} mode`);
    }
  }
});

test("the editor wraps long lines", async () => {
  const { page } = await newPage(shared, { viewport: { width: 390, height: 844 }, isMobile: true });
  await openExercise(shared, page, "hello-route");
  assert.ok(await page.locator(".cm-content.cm-lineWrapping").count(), "line wrapping is on");
  await typeCode(page, `// ${"a very long comment ".repeat(20)}\n`);
  assert.ok((await pageWidth(page)) <= 390);
  assert.match(await editorText(page), /a very long comment/);
});
