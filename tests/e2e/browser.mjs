// What every browser test shares: one backend and one chromium per test
// file, pages that record script errors, and the learner's editor moves.

import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startBackend } from "./server.mjs";

export const SHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Starts a backend and a browser for the calling test file. */
export function useBrowser() {
  const shared = {};
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    shared.backend = await startBackend();
    shared.browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.backend?.stop();
  });
  return shared;
}

export async function newPage(shared, options = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  return { page, problems };
}

/** Replaces the editor's text the way a learner would: select all, type. */
export async function typeCode(page, code) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

export async function editorText(page) {
  return page.locator(".cm-content").evaluate((el) => [...el.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n"));
}

export async function openExercise(shared, page, slug) {
  await page.goto(`${shared.backend.url}/exercises/${slug}`);
  await page.waitForSelector("body[data-ready=yes]");
}

/** The page's width in CSS pixels, scrolled content included. */
export async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
