// The exercise page: the editor with the learner's draft, Run, Submit, the
// tabs under the editor, hints one at a time, reset, earlier submissions
// (numbered per exercise, each with its code), and what comes after a pass.

import { api } from "./api.js";
import { h, fill } from "./dom.js";
import { createEditor } from "./editor.js";
import { Drafts, when } from "./draft.js";
import { Runner } from "./run.js";
import { renderReport } from "./report.js";
import { afterPass, giveUpButton } from "./solution.js";

export async function exercisePage() {
  const exercise = JSON.parse(document.getElementById("exercise-data").textContent);
  const $ = (id) => document.getElementById(id);
  const tabs = new Tabs($("tabs"));
  const drafts = new Drafts(exercise.slug, $("save-status"));
  const runner = new Runner(exercise, $("request-form"), $("try-result"), $("run-history"));
  const submissions = new Submissions(exercise, $("submissions"), (submission) => {
    tabs.show("report");
    fill(
      $("report"),
      h("p", { class: "quiet" }, `Submission #${submission.summary.number}, ${when(submission.summary.submitted_at)}.`),
      renderReport(submission.report),
      h("details", { class: "old-code" }, h("summary", {}, "The code of this submission"), h("pre", {}, h("code", {}, submission.code))),
      h("button", { type: "button", onclick: () => (editor.text = submission.code) }, "Put this code back in the editor"),
    );
  });
  hints(exercise.hints, $("hints"), $("hint-button"));
  if (!exercise.passed) $("give-up")?.append(giveUpButton(exercise, $("give-up-solution")));

  // The learner's file's problems are marked in the editor.
  const mark = (verdict) => {
    const at = verdict?.location;
    if (at && at.file === exercise.file) editor.markProblem(at, verdict.message);
  };
  const buttons = [$("run"), $("submit")];
  const busy = (button, label) => {
    button.setAttribute("aria-busy", "true");
    button.dataset.label = button.querySelector(".label").textContent;
    button.querySelector(".label").textContent = label;
  };
  const idle = (button) => {
    button.removeAttribute("aria-busy");
    if (button.dataset.label) button.querySelector(".label").textContent = button.dataset.label;
  };
  let grading = false;
  const run = async () => {
    if (grading) return;
    tabs.show("try");
    busy($("run"), "Running…");
    await drafts.flush();
    editor.clearProblems();
    const tryout = await runner.run(editor.text);
    if (!runner.running) idle($("run"));
    if (tryout) mark(tryout.verdict);
  };
  const submit = async () => {
    if (grading) return;
    grading = true;
    for (const button of buttons) button.disabled = true;
    busy($("submit"), "Grading…");
    tabs.show("report");
    fill($("report"), h("p", { class: "quiet running", role: "status" }, `Running all ${exercise.test_count} tests…`));
    try {
      await drafts.flush();
      editor.clearProblems();
      const { number, report } = await api("POST", `/exercises/${encodeURIComponent(exercise.slug)}/submit`, { code: editor.text, save_as_draft: !drafts.unsynced });
      const passed = report.status === "pass";
      fill($("report"), h("p", { class: "quiet" }, `Submission #${number}.`), renderReport(report), passed ? afterPass(exercise) : null);
      mark(report.not_loaded || firstProblem(report));
      if (passed) {
        $("passed-badge").hidden = false;
        $("give-up")?.replaceChildren();
      }
      submissions.refresh();
    } catch (error) {
      fill($("report"), h("p", { class: "problem", role: "alert" }, error.message));
    } finally {
      grading = false;
      for (const button of buttons) button.disabled = false;
      idle($("submit"));
    }
  };
  let code;
  try {
    code = await drafts.load();
  } catch (error) {
    // The editor still opens, with code kept aside on an earlier visit or
    // the starter; edits stay in this browser and are never saved over the
    // draft that could not be read.
    const aside = drafts.aside();
    code = aside ?? exercise.starter;
    drafts.holdBack();
    const shown = aside === null ? "the starter code" : "the code you typed here last time";
    drafts.say(`Could not read your saved draft, so this is ${shown}. ${error.message} What you type stays in this browser until the draft can be read.`, true);
  }
  const editor = createEditor($("editor"), {
    language: exercise.language,
    doc: code,
    label: `Your code: ${exercise.file}`,
    on: { change: (text) => drafts.changed(text), run, submit },
  });
  $("run").addEventListener("click", run);
  $("submit").addEventListener("click", submit);
  $("request-form")?.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  if (exercise.passed) $("after-pass")?.append(afterPass(exercise));
  // The shortcuts work anywhere on the page, not only in the editor.
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    const action = { Enter: run, s: submit, S: submit }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  $("reset").addEventListener("click", async () => {
    if (!confirm("Replace your code with the starter code? Your earlier submissions are kept.")) return;
    try {
      editor.replaceQuietly(await drafts.reset());
    } catch (error) {
      drafts.say(error.message, true);
    }
  });
  const aside = drafts.unsynced ? null : drafts.aside();
  if (aside !== null) {
    // The learner chooses: their saved draft is in the editor now.
    const offer = h("p", { class: "aside-offer" }, "You typed code here while your saved draft could not be read. ",
      h("button", { type: "button", onclick: () => { editor.text = aside; drafts.dropAside(); offer.remove(); } }, "Put that code in the editor"),
      " ",
      h("button", { type: "button", onclick: () => { drafts.dropAside(); offer.remove(); } }, "Discard that code"));
    $("save-status").after(offer);
  }
  for (const el of document.querySelectorAll("[data-needs-script]")) el.disabled = false;
  submissions.refresh();
  document.body.dataset.ready = "yes";
}

/** The verdict of the first step or query that did not go well. */
function firstProblem(report) {
  for (const test of report.tests) {
    for (const step of test.steps || []) if (step.verdict.kind !== "ok") return step.verdict;
    if (test.query && test.query.verdict.kind !== "ok") return test.query.verdict;
  }
  return null;
}

/** Tabs under the editor, with the keyboard behaviour screen readers expect. */
class Tabs {
  constructor(list) {
    this.buttons = [...list.querySelectorAll("[role=tab]")];
    for (const button of this.buttons) {
      button.addEventListener("click", () => this.show(button.dataset.tab));
      button.addEventListener("keydown", (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        const at = this.buttons.indexOf(button);
        const next = this.buttons[(at + step + this.buttons.length) % this.buttons.length];
        this.show(next.dataset.tab);
        next.focus();
      });
    }
  }

  show(name) {
    for (const button of this.buttons) {
      const selected = button.dataset.tab === name;
      button.setAttribute("aria-selected", String(selected));
      button.tabIndex = selected ? 0 : -1;
      document.getElementById(button.getAttribute("aria-controls")).hidden = !selected;
    }
  }
}

/** Hints, one more each time the button is pressed; remembered in this browser. */
function hints(all, list, button) {
  const key = `backlab:hints:${location.pathname}`;
  let shown = Math.min(Number(localStorage.getItem(key)) || 0, all.length);
  const render = () => {
    fill(list, all.slice(0, shown).map((html, i) => {
      const item = h("li", { class: "hint", tabindex: -1 }, h("strong", {}, `Hint ${i + 1}. `));
      const body = document.createElement("div");
      body.innerHTML = html; // rendered by Backlab from the exercise's own text
      item.append(body);
      return item;
    }));
    button.hidden = shown >= all.length;
    button.textContent = shown === 0 ? `Show a hint (${all.length} in all)` : `Show hint ${shown + 1} of ${all.length}`;
  };
  button.addEventListener("click", () => {
    shown += 1;
    localStorage.setItem(key, String(shown));
    render();
    list.lastElementChild?.focus();
  });
  render();
}

/** The list of earlier submissions; choosing one shows its report. */
class Submissions {
  constructor(exercise, list, open) {
    this.exercise = exercise;
    this.list = list;
    this.open = open;
  }

  async refresh() {
    try {
      const all = await api("GET", `/exercises/${encodeURIComponent(this.exercise.slug)}/submissions`);
      if (all.length === 0) {
        fill(this.list, h("li", { class: "quiet" }, "None yet. Submit to run every test."));
        return;
      }
      fill(this.list, all.map((s) => h("li", {}, h("button", { type: "button", class: `link ${s.status}`, onclick: () => this.show(s.id) }, `${s.status === "pass" ? "✓" : "✗"} #${s.number}: ${s.passed} of ${s.total} ${when(s.submitted_at)}`))));
    } catch (error) {
      fill(this.list, h("li", { class: "problem" }, error.message));
    }
  }

  async show(id) {
    try {
      this.open(await api("GET", `/submissions/${id}`));
    } catch (error) {
      fill(this.list, h("li", { class: "problem" }, error.message));
    }
  }
}
