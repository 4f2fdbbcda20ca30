// Keeping the learner's code: every edit is copied to this browser at once
// and saved to Backlab shortly after typing stops. If the server could not
// be reached, the browser's copy is put back on the next visit and saved.

import { api } from "./api.js";

const DELAY_MS = 600;

export class Drafts {
  constructor(slug, status) {
    this.slug = slug;
    this.status = status;
    this.key = `backlab:draft:${slug}`;
    // Edits typed while the saved draft could not be read: kept apart, so
    // they are never saved over that draft without the learner asking.
    this.asideKey = `backlab:aside:${slug}`;
    this.unsynced = false;
    this.timer = null;
    this.pending = null;
    addEventListener("pagehide", () => this.flush({ keepalive: true }));
  }

  /** The code to start from: this browser's unsaved copy, else the saved draft (or the starter). */
  async load() {
    const local = localStorage.getItem(this.key);
    if (local !== null) {
      this.changed(local);
      this.say("Restored changes that had not reached Backlab; saving them now.");
      return local;
    }
    const draft = await api("GET", this.path());
    this.say(draft.saved_at ? `Draft saved ${when(draft.saved_at)}.` : "This is the starter code.");
    return draft.code;
  }

  /** The saved draft could not be read: from now on edits stay in this
   * browser only, and nothing is sent to Backlab until the page is reloaded. */
  holdBack() {
    this.unsynced = true;
  }

  /** Edits kept aside on an earlier visit, if any. */
  aside() {
    return localStorage.getItem(this.asideKey);
  }

  dropAside() {
    localStorage.removeItem(this.asideKey);
  }

  /** Called on every edit. */
  changed(code) {
    if (this.unsynced) {
      localStorage.setItem(this.asideKey, code);
      this.say("Kept in this browser only, because your saved draft could not be read; reload the page to try again.", true);
      return;
    }
    localStorage.setItem(this.key, code);
    this.pending = code;
    this.say("Editing…");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DELAY_MS);
  }

  /** Saves what is pending now. */
  async flush(options = {}) {
    clearTimeout(this.timer);
    if (this.unsynced || this.pending === null) return;
    const code = this.pending;
    this.pending = null;
    try {
      const draft = await api("PUT", this.path(), { code }, options);
      if (this.pending === null && localStorage.getItem(this.key) === code) {
        localStorage.removeItem(this.key);
      }
      this.say(`Draft saved ${when(draft.saved_at)}.`);
    } catch (error) {
      this.pending = this.pending ?? code;
      this.say(`Not saved to Backlab yet (kept in this browser): ${error.message}`, true);
    }
  }

  /** Back to the starter; returns its code. Edits not yet saved are dropped
   * first, so a late save cannot bring them back after the reset. */
  async reset() {
    clearTimeout(this.timer);
    this.pending = null;
    localStorage.removeItem(this.key);
    const draft = await api("DELETE", this.path());
    this.say("Back to the starter code.");
    return draft.code;
  }

  path() {
    return `/exercises/${encodeURIComponent(this.slug)}/draft`;
  }

  say(text, problem = false) {
    this.status.textContent = text;
    this.status.classList.toggle("problem", problem);
  }
}

/** "at 14:05" for a Unix time in seconds. */
export function when(seconds) {
  const time = new Date(seconds * 1000);
  const sameDay = time.toDateString() === new Date().toDateString();
  const clock = time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return sameDay ? `at ${clock}` : `on ${time.toLocaleDateString()} at ${clock}`;
}
