// The widget's own CSS, inside its shadow root: the host page's CSS cannot reach in,
// and `all: initial` stops the host's inherited font, colour and spacing.

export const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.rg {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: max(1rem, 16px);
  line-height: 1.5;
  color: #0b0c0c;
}
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; }
a { color: #0a4a85; text-decoration: underline; text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.exit {
  position: fixed; top: 0.5rem; right: 0.5rem; z-index: 2147483647;
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid #ffffff; border-radius: 0.4rem;
  background: #b3261e; color: #ffffff; font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
.exit:hover { background: #8c1d17; }

.dock {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483646;
  display: flex; flex-direction: column; align-items: flex-end; gap: 0.5rem;
  max-width: calc(100vw - 2rem);
}
.launcher {
  min-height: 3rem; padding: 0.6rem 1.1rem; border: 0; border-radius: 1.5rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
}
.safety-mini {
  margin: 0; padding: 0.25rem 0.75rem; border-radius: 1rem;
  background: #ffffff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font-size: 0.9em;
}
.safety-mini a, .safety a { font-weight: 700; color: #8c1d17; }

.panel {
  display: flex; flex-direction: column;
  width: 24rem; max-width: calc(100vw - 2rem);
  height: 38rem; max-height: calc(100vh - 5.5rem);
  background: #ffffff; border: 1px solid #6f777b; border-radius: 0.75rem; overflow: hidden;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.3);
}
.header {
  display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
  padding: 0.5rem 0.5rem 0.5rem 1rem; background: var(--rg-color); color: var(--rg-on-color);
}
.header h2 { margin: 0; font-size: 1.1em; }
.close {
  min-width: 2.75rem; min-height: 2.75rem; padding: 0 0.6rem;
  border: 2px solid currentColor; border-radius: 0.4rem; background: transparent; cursor: pointer;
  color: var(--rg-on-color);
}
.safety { margin: 0; padding: 0.4rem 1rem; background: #fdf2f1; border-bottom: 1px solid #e5c4c1; }

.log { flex: 1; overflow-y: auto; padding: 0.75rem; display: flex; flex-direction: column; gap: 0.5rem; }
.msg { max-width: 85%; padding: 0.5rem 0.75rem; border-radius: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot { align-self: flex-start; background: #eef1f3; }
.msg.user { align-self: flex-end; background: var(--rg-color); color: var(--rg-on-color); }
.msg.user a { color: inherit; }
.msg .who { display: block; font-size: 0.8em; font-weight: 700; }
.msg .note { display: block; font-size: 0.85em; font-style: italic; }
.choices { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.choices button {
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid var(--rg-color); border-radius: 1.4rem;
  background: #ffffff; color: #0b0c0c; cursor: pointer;
}
.choices button:hover { background: #eef1f3; }

.typing { margin: 0 0.75rem 0.5rem; display: flex; align-items: center; gap: 0.5rem; color: #3d4347; }
.dots span {
  display: inline-block; width: 0.45rem; height: 0.45rem; margin-right: 0.2rem; border-radius: 50%;
  background: #505a5f; animation: rg-blink 1.2s infinite ease-in-out both;
}
.dots span:nth-child(2) { animation-delay: 0.2s; }
.dots span:nth-child(3) { animation-delay: 0.4s; }
@keyframes rg-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.problem {
  margin: 0 0.75rem 0.5rem; padding: 0.5rem 0.75rem; border: 2px solid #b3261e; border-radius: 0.5rem;
  background: #fdf2f1;
}
.problem p { margin: 0 0 0.4rem; }
.problem button, .send {
  min-height: 2.75rem; padding: 0.4rem 1rem; border: 0; border-radius: 0.4rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
}

.form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; padding: 0.5rem 0.75rem; border-top: 1px solid #b1b4b6; }
.form label { flex-basis: 100%; font-size: 0.9em; }
.form textarea {
  flex: 1; min-width: 0; min-height: 2.75rem; max-height: 8rem; padding: 0.5rem;
  border: 2px solid #505a5f; border-radius: 0.4rem; resize: none; background: #ffffff;
}
.tools { padding: 0 0.75rem; font-size: 0.9em; }
.erase {
  min-height: 2.75rem; padding: 0 0.25rem; border: 0; background: transparent; cursor: pointer;
  color: #0a4a85; text-decoration: underline; text-underline-offset: 0.15em;
}
.confirm { margin: 0.25rem 0 0.5rem; padding: 0.5rem; border: 2px solid #6f777b; border-radius: 0.5rem; }
.confirm p { margin: 0 0 0.4rem; }
.confirm button {
  min-height: 2.75rem; margin-right: 0.5rem; padding: 0.4rem 0.9rem; border: 2px solid #0b0c0c;
  border-radius: 0.4rem; background: #ffffff; cursor: pointer;
}
.status { margin: 0; }
.status:empty { display: none; }
.about { padding: 0 0.75rem 0.5rem; font-size: 0.9em; }
.about summary { cursor: pointer; min-height: 1.75rem; text-decoration: underline; color: #0a4a85; }
.about p { margin: 0.4rem 0; }

/* Phones, and large zoom: the chat takes the whole screen below the exit button. */
@media (max-width: 36rem), (max-height: 32rem) {
  .dock { right: 0.5rem; bottom: 0.5rem; max-width: calc(100vw - 1rem); }
  .dock.open { inset: 0; max-width: none; padding-top: 3.5rem; background: #ffffff; }
  .dock.open .panel { width: 100%; max-width: none; height: 100%; max-height: none; border-radius: 0; border: 0; box-shadow: none; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
`;
