// Backlab's browser script: one bundle for every page. Each page names
// itself in <body data-page>; the code for that page starts here.

import { highlightAll } from "./highlight.js";
import { lessonPage } from "./lesson.js";
import { exercisePage } from "./exercise.js";
import { instructorPage } from "./instructor.js";

const pages = { lesson: lessonPage, exercise: exercisePage, instructor: instructorPage };

highlightAll();
const start = pages[document.body.dataset.page];
if (start) start();
