// Small DOM helpers. Every piece of data goes into the page as text (textContent or
// text nodes) or as an attribute value; nothing here parses HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function applyProps(node, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "className") node.setAttribute("class", value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") {
      for (const [name, handler] of Object.entries(value)) node.addEventListener(name, handler);
    } else if (key === "style") {
      for (const [name, v] of Object.entries(value)) node.style.setProperty(name, v);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `el("td", {className: "num", text: 3})` or with children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  append(node, children);
  return node;
}

/** An SVG element with attributes. */
export function svg(tag, props = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  applyProps(node, props);
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} is missing from index.html`);
  return node;
}

/** Run `fn` once calls have stopped for `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
}

/** Watch an element's width/height; `fn` runs (debounced) when they change. */
export function onResize(node, fn) {
  let last = "";
  const run = debounce(() => {
    const key = `${node.clientWidth}x${node.clientHeight}`;
    if (key !== last) {
      last = key;
      fn();
    }
  }, 120);
  new ResizeObserver(run).observe(node);
}

// One tooltip for the whole page, filled with text lines.
let tooltipNode = null;

export function showTooltip(clientX, clientY, lines) {
  tooltipNode ??= byId("tooltip");
  clear(tooltipNode);
  lines.forEach((line, i) => {
    if (Array.isArray(line)) {
      // [colour, text]: a swatch and its text
      tooltipNode.append(el("div", { className: "tip-row" }, el("span", { className: "swatch", style: { background: line[0] } }), line[1]));
    } else {
      tooltipNode.append(el("div", { className: i === 0 ? "tip-title" : "tip-row", text: line }));
    }
  });
  tooltipNode.hidden = false;
  const { innerWidth, innerHeight } = window;
  const rect = tooltipNode.getBoundingClientRect();
  const x = Math.min(clientX + 14, innerWidth - rect.width - 8);
  const y = clientY + 14 + rect.height > innerHeight ? clientY - rect.height - 10 : clientY + 14;
  tooltipNode.style.left = `${Math.max(4, x)}px`;
  tooltipNode.style.top = `${Math.max(4, y)}px`;
}

export function hideTooltip() {
  tooltipNode ??= byId("tooltip");
  tooltipNode.hidden = true;
}

/** A message in a card body (loading, empty, error). */
export function message(kind, text) {
  return el("p", { className: `state state-${kind}`, role: kind === "error" ? "alert" : null, text });
}

export function formatNumber(n) {
  return new Intl.NumberFormat("en").format(n);
}
