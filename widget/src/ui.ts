// The chat itself: builds the UI in a shadow root, sends the person's messages in
// order (one at a time; a message that did not get through stays, marked, and is sent
// again with the same id), and shows the bot's answers as text, links and buttons.

import { type WidgetConfig, textColorOn } from "./config";
import {
  type Conversation,
  type Message,
  forget,
  load,
  newConversation,
  randomId,
  save,
} from "./conversation";
import { leave, listenForKeys } from "./quick_exit";
import { CSS } from "./styles";
import { renderText } from "./text";
import { type BotReply, Refused, forgetOnServer, send } from "./transport";

const MAX_LENGTH = 2000;
const UNREACHABLE =
  "Det gick inte att nå chatten just nu. Ditt meddelande finns kvar och skickas när du trycker på Försök igen.";

// Shown before anything is sent: nothing reaches the server until the person writes.
const INTRO =
  "Hej! Här kan du fråga var du kan få stöd vid hedersrelaterat våld och förtryck. " +
  "Skriv med egna ord vad det gäller. Du behöver inte säga vem du är.";

const ABOUT_EXIT = [
  "Knappen Lämna sidan snabbt döljer sidan direkt och öppnar en vädersajt i samma flik. " +
    "Du kan också trycka Esc två gånger eller Shift tre gånger.",
  "Chatten tas bort från den här fliken, och Tillbaka-knappen leder inte hit.",
  "Det som inte försvinner: sidan kan fortfarande synas i webbläsarens historik. " +
    "Använd privat läge (inkognito) så sparas ingen historik. " +
    "På en delad dator eller telefon: stäng fliken när du är klar.",
];

type Tag = keyof HTMLElementTagNameMap;

function el<K extends Tag>(tag: K, attrs: Record<string, string> = {}, text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

export class Chat {
  private readonly dock: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly safetyMini: HTMLElement;
  private readonly log: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly problemText: HTMLElement;
  private readonly confirmErase: HTMLElement;
  private readonly status: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly hint: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly bubbles = new Map<Message, HTMLElement>();
  private conversation: Conversation | null = load();
  private busy = false;
  private exited = false;
  private stop = new AbortController();

  constructor(private readonly config: WidgetConfig, host: HTMLElement) {
    const shadow = host.attachShadow({ mode: "open" });
    adoptStyles(shadow, CSS);
    host.style.setProperty("--rg-color", config.color);
    host.style.setProperty("--rg-on-color", textColorOn(config.color));

    const root = el("div", { class: "rg", lang: "sv" });
    const exit = el("button", { class: "exit", type: "button" }, "Lämna sidan snabbt");
    exit.addEventListener("click", () => this.exit());
    this.announcer = el("p", { class: "visually-hidden", role: "status" });

    this.dock = el("div", { class: "dock" });
    this.panel = el("section", { class: "panel", id: "rg-panel", "aria-labelledby": "rg-title" });
    this.panel.hidden = true;

    const header = el("div", { class: "header" });
    const close = el("button", { class: "close", type: "button", "aria-label": "Stäng chatten" }, "Stäng");
    close.addEventListener("click", () => this.close());
    header.append(el("h2", { id: "rg-title" }, config.title), close);

    const safety = el("p", { class: "safety" });
    safety.append("Akut fara? Ring ", telLink());

    this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Samtalet", tabindex: "0" });
    this.typing = el("div", { class: "typing", role: "status" });
    this.typing.hidden = true;
    const dots = el("span", { class: "dots", "aria-hidden": "true" });
    dots.append(el("span"), el("span"), el("span"));
    this.typing.append(dots, `${config.title} skriver …`);

    this.problem = el("div", { class: "problem", role: "alert" });
    this.problem.hidden = true;
    const retry = el("button", { type: "button" }, "Försök igen");
    retry.addEventListener("click", () => this.pump());
    const problemText = el("p");
    problemText.append("Är du i fara? Ring ", telLink(), ".");
    this.problemText = el("p", {}, UNREACHABLE);
    this.problem.append(this.problemText, problemText, retry);

    const form = el("form", { class: "form" });
    this.input = el("textarea", { id: "rg-input", rows: "1", autocomplete: "off", "aria-describedby": "rg-hint" });
    this.hint = el("p", { id: "rg-hint", class: "visually-hidden" }, "Enter skickar. Shift och Enter ger ny rad.");
    const sendButton = el("button", { class: "send", type: "submit" }, "Skicka");
    form.append(el("label", { for: "rg-input" }, "Skriv ditt meddelande"), this.input, sendButton, this.hint);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitTyped();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submitTyped();
      }
    });

    const about = el("details", { class: "about" });
    about.append(el("summary", {}, "Vad gör Lämna sidan snabbt?"));
    for (const text of ABOUT_EXIT) about.append(el("p", {}, text));

    // "Radera samtalet": asks once, then deletes here and on the server.
    const erase = el("button", { class: "erase", type: "button" }, "Radera samtalet");
    this.confirmErase = el("div", { class: "confirm", role: "group", "aria-label": "Radera samtalet" });
    this.confirmErase.hidden = true;
    const yes = el("button", { type: "button" }, "Ja, radera");
    const no = el("button", { type: "button" }, "Avbryt");
    this.confirmErase.append(
      el("p", {}, "Vill du radera samtalet? Det tas bort här och på servern och går inte att få tillbaka."),
      yes,
      no,
    );
    erase.addEventListener("click", () => {
      this.confirmErase.hidden = false;
      yes.focus();
    });
    yes.addEventListener("click", () => void this.erase().then(() => erase.focus()));
    no.addEventListener("click", () => {
      this.confirmErase.hidden = true;
      erase.focus();
    });
    this.status = el("p", { class: "status", role: "status" });
    const tools = el("div", { class: "tools" });
    tools.append(erase, this.confirmErase, this.status);

    this.panel.append(header, safety, this.log, this.typing, this.problem, form, tools, about);

    this.safetyMini = el("p", { class: "safety-mini" });
    this.safetyMini.append("Akut fara? Ring ", telLink());
    this.launcher = el(
      "button",
      { class: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "rg-panel" },
      `Chatta med ${config.title}`,
    );
    this.launcher.addEventListener("click", () => this.open());
    this.dock.append(this.panel, this.safetyMini, this.launcher);

    root.append(exit, this.announcer, this.dock);
    shadow.append(root);

    this.showConversation();
    listenForKeys(
      () => this.exit(),
      (key, left) => {
        const name = key === "Escape" ? "Esc" : "Shift";
        this.announcer.textContent = `Tryck ${name} ${left === 1 ? "en gång" : `${left} gånger`} till för att lämna sidan.`;
      },
    );
    if (config.startOpen || this.conversation) this.open(false);
  }

  open(moveFocus = true): void {
    this.panel.hidden = false;
    this.dock.classList.add("open");
    this.launcher.hidden = true;
    this.safetyMini.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.scrollToEnd();
    if (moveFocus) this.input.focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.dock.classList.remove("open");
    this.launcher.hidden = false;
    this.safetyMini.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.focus();
  }

  /** Quick exit: blank the page, forget the conversation here and on the server, leave
   * for the neutral page. */
  exit(): void {
    const secret = this.conversation?.secret;
    if (secret) void forgetOnServer(this.config.serverUrl, secret); // keepalive: outlives the page
    leave(this.config.exitUrl, () => {
      this.exited = true;
      this.stop.abort();
      this.conversation = null;
      forget();
      this.log.replaceChildren();
      this.input.value = "";
    });
  }

  /** "Radera samtalet": the conversation goes, here and on the server; a new one can start. */
  private async erase(): Promise<void> {
    const secret = this.conversation?.secret;
    this.stop.abort();
    this.stop = new AbortController();
    this.conversation = null;
    forget();
    this.bubbles.clear();
    this.confirmErase.hidden = true;
    this.problem.hidden = true;
    this.typing.hidden = true;
    this.busy = false;
    this.showConversation();
    const done = secret ? await forgetOnServer(this.config.serverUrl, secret) : true;
    this.status.textContent = done
      ? "Samtalet är raderat."
      : "Samtalet är raderat här. Servern gick inte att nå; där raderas det automatiskt efter 30 dagar.";
  }

  private submitTyped(): void {
    const text = this.input.value.trim();
    if (!text) return;
    if (text.length > MAX_LENGTH) {
      // The text stays in the box, to shorten or split.
      this.hint.textContent = `Meddelandet är för långt (${text.length} tecken). Skriv högst ${MAX_LENGTH} tecken åt gången.`;
      this.hint.className = "note";
      return;
    }
    this.hint.textContent = "Enter skickar. Shift och Enter ger ny rad.";
    this.hint.className = "visually-hidden";
    this.input.value = "";
    this.submit({ from: "user", text });
  }

  private submit(message: Message): void {
    if (!this.conversation) this.conversation = newConversation();
    this.status.textContent = "";
    // Earlier buttons were answers to earlier questions: they go once the person answers.
    for (const earlier of this.conversation.messages) {
      if (earlier.buttons) {
        delete earlier.buttons;
        this.bubbles.get(earlier)?.querySelector(".choices")?.remove();
      }
    }
    message.id = randomId();
    message.status = "sending";
    this.conversation.messages.push(message);
    this.addBubble(message);
    save(this.conversation);
    this.pump();
  }

  /** Sends every message not yet answered, in order; stops at the first that fails. */
  private async pump(): Promise<void> {
    if (this.busy || !this.conversation) return;
    this.busy = true;
    this.problem.hidden = true;
    const conversation = this.conversation;
    const stop = this.stop;
    try {
      let next: Message | undefined;
      while ((next = conversation.messages.find((m) => m.from === "user" && m.status !== "sent"))) {
        this.setStatus(next, "sending");
        this.typing.hidden = false;
        this.scrollToEnd();
        let replies: BotReply[];
        try {
          replies = await send(
            this.config.serverUrl, conversation.id, next.payload ?? next.text, next.id ?? randomId(),
            stop.signal,
          ); // prettier-ignore
        } catch (error) {
          if (this.exited || this.conversation !== conversation) return;
          this.setStatus(next, "failed");
          this.problemText.textContent = error instanceof Refused ? error.text : UNREACHABLE;
          this.problem.hidden = false;
          return;
        } finally {
          if (this.conversation === conversation) this.typing.hidden = true;
        }
        if (this.exited || this.conversation !== conversation) return;
        this.setStatus(next, "sent");
        let first: HTMLElement | undefined;
        for (const reply of replies) {
          const message: Message = { from: "bot", text: reply.text };
          if (reply.buttons.length) message.buttons = reply.buttons;
          conversation.messages.push(message);
          const bubble = this.addBubble(message);
          first ??= bubble;
        }
        // A long answer (a centre, then lines) is read from its start, not its end.
        if (first) this.scrollToShow(first);
        save(conversation);
      }
    } finally {
      if (this.conversation === conversation) this.busy = false;
    }
  }

  private setStatus(message: Message, status: Message["status"]): void {
    message.status = status;
    if (this.conversation) save(this.conversation);
    const note = this.bubbles.get(message)?.querySelector(".note");
    if (note) note.textContent = status === "failed" ? "Inte skickat än" : "";
  }

  private showConversation(): void {
    this.log.replaceChildren();
    this.addBubble({ from: "bot", text: INTRO });
    if (!this.conversation) return;
    for (const message of this.conversation.messages) {
      // A reload while sending: the server may or may not have it; a resend is safe.
      if (message.status === "sending") message.status = "failed";
      this.addBubble(message);
    }
    if (this.conversation.messages.some((m) => m.status === "failed")) this.problem.hidden = false;
  }

  private addBubble(message: Message): HTMLElement {
    const bubble = el("div", { class: `msg ${message.from}` });
    bubble.append(el("span", { class: "visually-hidden" }, message.from === "user" ? "Du: " : `${this.config.title}: `));
    bubble.append(renderText(message.text));
    if (message.from === "user") {
      bubble.append(el("span", { class: "note" }, message.status === "failed" ? "Inte skickat än" : ""));
    }
    this.log.append(bubble);
    if (message.buttons) {
      const choices = el("div", { class: "choices", role: "group", "aria-label": "Svarsalternativ" });
      for (const button of message.buttons) {
        const choice = el("button", { type: "button" }, button.title);
        choice.addEventListener("click", () => {
          this.submit({ from: "user", text: button.title, payload: button.payload });
          this.input.focus();
        });
        choices.append(choice);
      }
      bubble.append(choices);
    }
    this.bubbles.set(message, bubble);
    this.scrollToEnd();
    return bubble;
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Puts the bubble's top at the top of the log; the browser stops at the end if all fits. */
  private scrollToShow(bubble: HTMLElement): void {
    const above = bubble.getBoundingClientRect().top - this.log.getBoundingClientRect().top;
    this.log.scrollTop += above - 8;
  }
}

function telLink(): HTMLAnchorElement {
  return el("a", { href: "tel:112" }, "112");
}

/** Constructable stylesheets pass a strict Content-Security-Policy; <style> is the fallback. */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(el("style", {}, css));
  }
}
