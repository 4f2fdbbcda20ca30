// A class in a real browser: the instructor opens the class and imports a
// roster, a learner joins with their link, submits a failing and then a
// passing solution, and the instructor's dashboard shows each live.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { newPage, typeCode, SHOTS } from "./browser.mjs";
import { startClass } from "./server.mjs";

const shared = {};
before(async () => {
  shared.backend = await startClass();
  shared.browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => {
  await shared.browser?.close();
  await shared.backend?.stop();
});

const PASSWORD = "a long class passphrase";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WRONG = 'app.get("/hello", (req, res) => {\n  res.json({ message: "Hello!" });\n});\n';
const RIGHT = 'app.get("/hello", (req, res) => {\n  const name = req.query.name || "world";\n  res.json({ message: `Hello, ${name}!` });\n});\n';

async function join(page, link) {
  await page.goto(link);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel("The same password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Join" }).click();
}

async function submit(page, code) {
  await typeCode(page, code);
  await page.getByRole("button", { name: /^Submit/ }).click();
}

test("roster → join → a failing then a passing submission, live on the dashboard", async () => {
  const teacher = await newPage(shared);
  await join(teacher.page, shared.backend.joinLink);
  await teacher.page.waitForURL("**/instructor");
  assert.equal(await teacher.page.locator("h1").textContent(), "Your class");

  await teacher.page.getByLabel(/Paste your roster/).fill("name,email\nAda <Lovelace>,ada@example.org\n");
  await teacher.page.getByRole("button", { name: "Import and make join links" }).click();
  await teacher.page.waitForURL("**/instructor/roster");
  const link = (await teacher.page.locator(".join-link").textContent()).trim();
  assert.match(link, /\/join\/[0-9a-f]+$/);
  assert.match(await teacher.page.locator("table.invites").textContent(), /Ada <Lovelace>/, "the name is shown as text");

  await teacher.page.goto(`${shared.backend.url}/instructor`);
  await teacher.page.locator("#live-status", { hasText: "Live" }).waitFor();
  assert.match(await teacher.page.locator("#live").textContent(), /Nobody/);

  const learner = await newPage(shared);
  await join(learner.page, link);
  await learner.page.waitForURL(`${shared.backend.url}/`);
  await learner.page.goto(`${shared.backend.url}/exercises/hello-route`);
  await learner.page.waitForSelector("body[data-ready=yes]");
  await submit(learner.page, WRONG);
  await learner.page.locator("#report .report").waitFor();
  assert.match(await learner.page.locator("#report .headline").textContent(), /✗/);

  const row = teacher.page.locator("table.grid tbody tr", { hasText: "Ada <Lovelace>" });
  await row.locator("a.failing").waitFor({ timeout: 20000 });
  await submit(learner.page, RIGHT);
  await learner.page.locator("#report .report.pass").waitFor();
  await row.locator("a.passed").waitFor({ timeout: 20000 });
  assert.match(await row.locator("a.passed").textContent(), /✓/);
  await teacher.page.screenshot({ path: `${SHOTS}instructor-dashboard.png`, fullPage: true });

  await row.getByRole("link", { name: /Ada/ }).click();
  await teacher.page.waitForURL("**/instructor/learners/*");
  assert.match(await teacher.page.locator("pre.learner-code").first().textContent(), /Hello, \$\{name\}/);

  await learner.page.goto(`${shared.backend.url}/history`);
  assert.equal(await learner.page.locator("table.history tbody tr").count(), 2);
  const forbidden = await learner.page.goto(`${shared.backend.url}/instructor`);
  assert.equal(forbidden.status(), 403);
  assert.deepEqual(teacher.problems, []);
  assert.deepEqual(learner.problems.filter((p) => !/403/.test(p)), []);
});

test("axe-core finds no accessibility violation on the class pages, in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    // axe's script is added to each page, which Backlab's CSP forbids.
    const { page } = await newPage(shared, { colorScheme, bypassCSP: true });
    const pages = [["sign in", "/signin"], ["bad join link", "/join/0000"]];
    await check(page, pages, colorScheme);
    await page.goto(`${shared.backend.url}/signin`);
    await page.getByLabel("Email").fill("teacher@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/instructor");
    const learner = await page.locator("table.grid tbody th a").first().getAttribute("href");
    const submission = await page.locator("table.grid td.cell a").first().getAttribute("href");
    await check(page, [
      ["dashboard", "/instructor"],
      ["learner", learner],
      ["submission", submission],
      ["assignments", "/assignments"],
      ["history", "/history"],
    ], colorScheme);
  }
});

async function check(page, pages, colorScheme) {
  for (const [name, path] of pages) {
    await page.goto(`${shared.backend.url}${path}`);
    await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")})`);
    });
    assert.deepEqual(found, [], `${name} page in ${colorScheme} mode`);
  }
}
