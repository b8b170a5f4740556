// Turns message text into DOM nodes without ever parsing it as HTML: text becomes
// text nodes, **bold** becomes <strong>, and only these become links: Markdown-style
// [label](address) with an http(s), tel: or mailto: address, bare web addresses,
// e-mail addresses, Swedish phone numbers and 112. Anything else, <img onerror>
// included, stays visible text.

const PATTERN = new RegExp(
  [
    /\[([^\]\n]{1,200})\]\(([^()\s]{1,500})\)/.source, // 1 label, 2 address
    /(https?:\/\/[^\s<>()"]+[^\s<>()".,;:!?])/.source, // 3 web address
    /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/.source, // 4 e-mail
    // 5 Swedish phone number: 0 or +46, then 7-11 more digits in groups.
    /((?:\+46|\b0)\d{1,3}(?:[ -]?\d{2,4}){2,4}|\b112\b)(?![\d-])/.source,
    /\*\*([^*\n]{1,200})\*\*/.source, // 6 bold
  ].join("|"),
  "g",
);

/** tel: address for a written phone number: digits and a leading +. */
export function telHref(number: string): string {
  return "tel:" + number.replace(/[^\d+]/g, "");
}

/** A safe href for a Markdown link address, or null (then the label stays text). */
export function safeHref(address: string): string | null {
  if (/^tel:\+?[\d\s-]{2,20}$/i.test(address)) return telHref(address.slice(4));
  if (/^mailto:[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/i.test(address)) return address;
  if (/^https?:\/\//i.test(address)) {
    try {
      const url = new URL(address);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }
  return null;
}

export function renderText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) fragment.append(text.slice(last, start));
    const [whole, label, address, web, email, phone, bold] = match;
    if (label !== undefined) {
      const href = safeHref(address);
      fragment.append(href ? link(label, href) : whole);
    } else if (web !== undefined) {
      fragment.append(link(web, safeHref(web) ?? ""));
    } else if (email !== undefined) {
      fragment.append(link(email, "mailto:" + email));
    } else if (phone !== undefined) {
      const digits = phone.replace(/\D/g, "");
      const plausible = digits === "112" || digits.length >= (phone.startsWith("+") ? 10 : 8);
      fragment.append(plausible ? link(phone, telHref(phone)) : phone);
    } else if (bold !== undefined) {
      const strong = document.createElement("strong");
      strong.append(renderText(bold));
      fragment.append(strong);
    }
    last = start + whole.length;
  }
  if (last < text.length) fragment.append(text.slice(last));
  return fragment;
}

function link(label: string, href: string): Node {
  if (!href) return document.createTextNode(label);
  const a = document.createElement("a");
  a.textContent = label;
  a.href = href;
  if (/^https?:/.test(href)) {
    // A new tab keeps the chat; no referrer tells the other site where the person came from.
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }
  return a;
}
