// What the host page can set on the widget's <script> tag (data- attributes).
// Every value is checked; a bad one falls back to the default instead of breaking.

export interface WidgetConfig {
  /** Base address of the Rasa server; the REST channel is under /webhooks/rest/webhook. */
  serverUrl: string;
  title: string;
  /** Where quick exit goes: a neutral page (weather), never back to this site. */
  exitUrl: string;
  /** Brand colour of the header, launcher and the person's own messages. */
  color: string;
  /** Open the chat at once (for a page that is only the chat). */
  startOpen: boolean;
}

export const DEFAULT_EXIT_URL = "https://www.smhi.se/";
const DEFAULT_COLOR = "#1f5f52";

export function readConfig(script: HTMLScriptElement | null): WidgetConfig {
  const data = script ? script.dataset : {};
  return {
    serverUrl: httpUrl(data.serverUrl, location.origin).replace(/\/+$/, ""),
    title: (data.title || "").trim().slice(0, 60) || "Resursguiden",
    exitUrl: httpUrl(data.exitUrl, DEFAULT_EXIT_URL),
    color: hexColor(data.color, DEFAULT_COLOR),
    startOpen: data.open === "true",
  };
}

/** An absolute http(s) address, or the fallback: never javascript: or data:. */
function httpUrl(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : fallback;
  } catch {
    return fallback;
  }
}

function hexColor(value: string | undefined, fallback: string): string {
  return value && /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim() : fallback;
}

/** Black or white, whichever reads better on the given colour (WCAG contrast). */
export function textColorOn(background: string): string {
  const channel = (i: number) => {
    const c = parseInt(background.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  const onWhite = 1.05 / (luminance + 0.05);
  const onBlack = (luminance + 0.05) / 0.05;
  return onWhite >= onBlack ? "#ffffff" : "#0b0c0c";
}
