// DOM helpers.  Every string from the server (document text, names, titles) goes into the page as a
// text node or an attribute value set by code, never as markup: nothing here uses innerHTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link only for http(s) addresses; anything else (javascript:, data:, ...) is shown as plain text.
export function safeLink(url, label) {
  let parsed = null;
  try { parsed = new URL(url); } catch { parsed = null; }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
    return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, label ?? url);
  }
  return el("span", { class: "url-text" }, url);
}

export function slug(text) {
  return String(text || "none").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
