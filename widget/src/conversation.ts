// The conversation as this tab remembers it: in sessionStorage only (gone when the
// tab closes), written only after the person first writes, removed by quick exit.
// No cookies, no localStorage, no IndexedDB.

export interface Button {
  title: string;
  payload: string;
}

export interface Message {
  from: "user" | "bot";
  text: string;
  buttons?: Button[];
  /** User messages from a button: what is sent (the text shown is the button's title). */
  payload?: string;
  /** User messages: the id the server uses to recognise a resend of the same message. */
  id?: string;
  /** User messages: answered, on its way, or not yet through (kept, to send again). */
  status?: "sent" | "sending" | "failed";
}

export interface Conversation {
  /** The sender id the server knows: the first 32 hex digits of SHA-256(secret). */
  id: string;
  /** Only this tab holds it: with it the server deletes the conversation (quick exit,
   * "Radera samtalet"); the id alone deletes nothing. */
  secret: string;
  messages: Message[];
}

import { sha256Hex } from "./sha256";

const KEY = "resursguiden";

/** 128 random bits as hex: getRandomValues works on plain http too, randomUUID does not. */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newConversation(): Conversation {
  const secret = randomId();
  return { id: senderOf(secret), secret, messages: [] };
}

export function senderOf(secret: string): string {
  return sha256Hex(secret).slice(0, 32);
}

export function load(): Conversation | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw);
    if (isConversation(value)) return value;
    sessionStorage.removeItem(KEY); // unreadable: start afresh rather than break
  } catch {
    // Storage blocked (some private modes): the widget works without it.
  }
  return null;
}

export function save(conversation: Conversation): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(conversation));
  } catch {
    // Full or blocked: the conversation goes on, a reload will start a new one.
  }
}

export function forget(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}

function isConversation(value: unknown): value is Conversation {
  const c = value as Conversation;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.secret === "string" &&
    /^[0-9a-f]{32}$/.test(c.secret) &&
    c.id === senderOf(c.secret) &&
    Array.isArray(c.messages) &&
    c.messages.every(
      (m) => (m.from === "user" || m.from === "bot") && typeof m.text === "string",
    )
  );
}
