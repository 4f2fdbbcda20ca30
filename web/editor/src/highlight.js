// Highlights the code blocks of lessons and instructions with the same
// parsers the editor uses, so code looks the same everywhere.

import { highlightCode, classHighlighter } from "@lezer/highlight";
import { javascriptLanguage } from "@codemirror/lang-javascript";
import { StandardSQL } from "@codemirror/lang-sql";

const parsers = {
  js: javascriptLanguage.parser,
  javascript: javascriptLanguage.parser,
  sql: StandardSQL.language.parser,
};

export function highlightAll(root = document) {
  for (const code of root.querySelectorAll("pre > code[class^='language-']")) {
    const language = code.className.replace("language-", "");
    const parser = parsers[language];
    if (!parser || code.dataset.highlighted) continue;
    const text = code.textContent;
    const out = document.createDocumentFragment();
    highlightCode(
      text,
      parser.parse(text),
      classHighlighter,
      (piece, classes) => {
        out.append(classes ? Object.assign(document.createElement("span"), { className: classes, textContent: piece }) : piece);
      },
      () => out.append("\n"),
    );
    code.replaceChildren(out);
    code.dataset.highlighted = "yes";
  }
}
