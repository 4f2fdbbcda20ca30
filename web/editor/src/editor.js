// The code editor: CodeMirror 6 with JavaScript or SQL, the page's keyboard
// shortcuts, long lines wrapped, errors from Backlab underlined with a
// gutter marker, and colours taken from the stylesheet (so dark mode follows).

import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Annotation } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { sql, SQLite } from "@codemirror/lang-sql";
import { StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { toml } from "@codemirror/legacy-modes/mode/toml";
import { classHighlighter } from "@lezer/highlight";
import { lintGutter, setDiagnostics } from "@codemirror/lint";

/** Marks a change the page made itself, which is not the learner's edit. */
const byPage = Annotation.define();

/**
 * Opens an editor in `parent`. `on.change(text)` hears every edit;
 * `on.run()` and `on.submit()` are bound to Ctrl/Cmd+Enter and Ctrl/Cmd+S.
 */
export function createEditor(parent, { language, doc, label, on }) {
  const shortcuts = keymap.of([
    { key: "Mod-Enter", run: () => (on.run(), true), preventDefault: true },
    { key: "Mod-s", run: () => (on.submit(), true), preventDefault: true },
    indentWithTab,
  ]);
  let marked = false;
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      shortcuts,
      basicSetup,
      languageSupport(language),
      syntaxHighlighting(classHighlighter),
      EditorView.lineWrapping,
      lintGutter(),
      EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": "editor-keys" }),
      EditorView.updateListener.of((update) => {
        const learner = !update.transactions.some((tr) => tr.annotation(byPage));
        if (update.docChanged && learner) on.change(update.state.doc.toString());
        // A marked error goes once the learner edits its file.
        if (update.docChanged && marked) {
          marked = false;
          // Not inside this update: CodeMirror takes one at a time.
          queueMicrotask(() => view.dispatch(setDiagnostics(view.state, [])));
        }
      }),
    ],
  });
  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    set text(value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    /** Replaces the text without it counting as an edit (no draft is saved). */
    replaceQuietly(value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, annotations: byPage.of(true) });
    },
    focus() {
      view.focus();
    },
    /**
     * Underlines the problem at `line` (1-based) and `column` (1-based; the
     * whole line without one), with `message` on hover and in the gutter.
     */
    markProblem({ line, column }, message) {
      const doc = view.state.doc;
      if (!line || line < 1 || line > doc.lines) return;
      const at = doc.line(line);
      let from = at.from;
      let to = at.to;
      if (column) {
        from = Math.min(at.from + column - 1, at.to);
        // The token at the column, or one character.
        const rest = doc.sliceString(from, at.to);
        const word = /^[\w$]+|^\S/.exec(rest);
        to = from + (word ? word[0].length : 0);
      }
      marked = true;
      view.dispatch(setDiagnostics(view.state, [{ from, to: Math.max(to, from), severity: "error", message }]));
    },
    clearProblems() {
      marked = false;
      view.dispatch(setDiagnostics(view.state, []));
    },
  };
}

/** The editor's language: JavaScript, SQLite's SQL, or TOML for tests. */
function languageSupport(language) {
  if (language === "sql") return sql({ dialect: SQLite });
  if (language === "tests") return StreamLanguage.define(toml);
  return javascript();
}
