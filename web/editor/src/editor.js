// The code editor: CodeMirror 6 with JavaScript or SQL, the page's keyboard
// shortcuts, and colours taken from the stylesheet (so dark mode follows).

import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Annotation } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { sql, SQLite } from "@codemirror/lang-sql";
import { syntaxHighlighting } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";

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
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      shortcuts,
      basicSetup,
      language === "sql" ? sql({ dialect: SQLite }) : javascript(),
      syntaxHighlighting(classHighlighter),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.updateListener.of((update) => {
        const learner = !update.transactions.some((tr) => tr.annotation(byPage));
        if (update.docChanged && learner) on.change(update.state.doc.toString());
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
  };
}
