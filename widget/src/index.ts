// Resursguiden's chat widget. Embed with one tag:
//   <script src="resursguiden-widget.js" data-server-url="https://chat.example.se"
//           data-title="Resursguiden" data-exit-url="https://www.smhi.se/" data-color="#1f5f52"></script>
// and, if the page wants its own button: Resursguiden.open(), .close(), .exit().

import { readConfig } from "./config";
import { Chat } from "./ui";

interface Api {
  open(): void;
  close(): void;
  exit(): void;
}

declare global {
  interface Window {
    Resursguiden?: Api;
  }
}

const script = document.currentScript as HTMLScriptElement | null;

function start(): void {
  if (window.Resursguiden) return; // the tag twice on one page: one widget
  const host = document.createElement("div");
  host.id = "resursguiden-widget";
  document.body.append(host);
  const chat = new Chat(readConfig(script), host);
  window.Resursguiden = {
    open: () => chat.open(),
    close: () => chat.close(),
    exit: () => chat.exit(),
  };
}

if (document.body) start();
else document.addEventListener("DOMContentLoaded", start, { once: true });
