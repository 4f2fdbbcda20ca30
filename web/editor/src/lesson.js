// The lesson page: "mark as read" records the lesson in the learner's progress.

import { api } from "./api.js";

export function lessonPage() {
  const button = document.getElementById("mark-read");
  if (!button) return;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api("POST", `/lessons/${encodeURIComponent(button.dataset.lesson)}/read`);
      button.textContent = "✓ Read";
      button.classList.add("done");
    } catch (error) {
      button.disabled = false;
      document.getElementById("lesson-status").textContent = error.message;
    }
  });
}
