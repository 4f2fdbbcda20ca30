// After a pass: where to go next, and the reference solution with why it
// works, to compare with. Before a pass the solution stays closed unless
// the learner chooses to see it, after a warning.

import { api } from "./api.js";
import { h, fill } from "./dom.js";
import { highlightAll } from "./highlight.js";

/** The panel shown once the exercise passes. */
export function afterPass(exercise) {
  const body = h("div", { class: "solution-body" });
  const button = h("button", { type: "button", onclick: () => showSolution(exercise, body, button, "GET", "h4") }, "Compare with the reference solution");
  return h(
    "section",
    { class: "after-pass", "aria-labelledby": "after-pass-title" },
    h("h3", { id: "after-pass-title" }, "You passed. What next?"),
    exercise.next
      ? h("p", {}, h("a", { class: "button primary", href: exercise.next.href }, `Next: ${exercise.next.title} →`))
      : h("p", {}, "✓ That was the last thing left in the course. ", h("a", { href: "/" }, "See your progress")),
    h("p", { class: "quiet" }, exercise.has_why ? "Your code works. The reference solution, and a note on why it works, may show you another way:" : "Your code works. The reference solution may show you another way:"),
    button,
    body,
  );
}

/** "Show me the solution" before a pass: a warning first. */
export function giveUpButton(exercise, target) {
  const button = h("button", { type: "button", class: "quiet-button" }, "Show me the solution");
  button.addEventListener("click", () => {
    const sure = confirm("See the reference solution now? You learn far more by getting there yourself: try a hint, or Run a request and read the trace, first. Backlab will remember that you looked.");
    if (sure) showSolution(exercise, target, button, "POST", "h3");
  });
  return button;
}

/** Shows the solution in `target`, under headings of level `heading`. */
async function showSolution(exercise, target, button, method, heading) {
  button.disabled = true;
  const path = `/exercises/${encodeURIComponent(exercise.slug)}/solution${method === "POST" ? "/reveal" : ""}`;
  try {
    const solution = await api(method, path, method === "POST" ? { give_up: true } : undefined);
    button.hidden = true;
    const code = h("code", { class: `language-${{ sql: "sql", tests: "toml" }[solution.language] ?? "js"}` }, solution.code);
    const why = h("div", { class: "prose why" });
    if (solution.why_html) why.innerHTML = solution.why_html; // rendered by Backlab from the exercise's why.md
    fill(
      target,
      h(heading, {}, `The reference ${solution.file}`),
      h("pre", { class: "solution" }, code),
      solution.why_html ? [h(heading, {}, "Why this works"), why] : null,
    );
    highlightAll(target);
  } catch (error) {
    button.disabled = false;
    fill(target, h("p", { class: "problem", role: "alert" }, error.message));
  }
}
