// Quick exit ("Lämna sidan snabbt"), after GOV.UK's "Exit this page": the button,
// or Esc twice, or Shift three times (each within 5 seconds, no other key between;
// a Shift held to type a capital letter does not count).

const WINDOW_MS = 5000;

/** Hides the page at once and replaces it, in this tab's history, with a neutral one. */
export function leave(exitUrl: string, forgetEverything: () => void): void {
  document.documentElement.style.setProperty("visibility", "hidden", "important");
  document.title = "";
  forgetEverything();
  location.replace(exitUrl);
}

/**
 * Calls onExit on Esc ×2 or Shift ×3 anywhere on the page; onProgress(key, left) after
 * each counted press so that a screen reader can say how many presses are left.
 */
export function listenForKeys(
  onExit: () => void,
  onProgress: (key: "Escape" | "Shift", left: number) => void,
): void {
  let key: string | null = null;
  let count = 0;
  let lastKeyWasModified = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const reset = () => {
    key = null;
    count = 0;
    clearTimeout(timer);
  };

  // keyup, as GOV.UK does: a held key fires keydown repeatedly but keyup once.
  document.addEventListener(
    "keyup",
    (event) => {
      const counts =
        event.key === "Escape" || (event.key === "Shift" && !lastKeyWasModified);
      lastKeyWasModified = event.shiftKey;
      if (!counts) {
        reset();
        return;
      }
      if (key !== event.key) reset();
      key = event.key;
      count += 1;
      const needed = event.key === "Escape" ? 2 : 3;
      if (count >= needed) {
        reset();
        onExit();
        return;
      }
      onProgress(event.key as "Escape" | "Shift", needed - count);
      clearTimeout(timer);
      timer = setTimeout(reset, WINDOW_MS);
    },
    true,
  );
}
