// Small DOM helpers: an element builder (text always as text nodes, never as HTML), the snippet
// sanitiser and the highlighter.

// h('a', {href: '/', class: 'x'}, 'text', child, [more children]) → element.
// Attributes with null/undefined/false values are left out; `on<Event>` keys add listeners.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

// The server sends snippets HTML-escaped with matches in <mark>. Parse them inertly and
// rebuild from text nodes and bare <mark> elements only: anything else keeps just its text.
export function sanitizeSnippet(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  copySafe(parsed.body, fragment);
  return fragment;
}

function copySafe(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.nodeValue));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.localName === 'mark') {
        const mark = document.createElement('mark');
        copySafe(node, mark);
        to.appendChild(mark);
      } else if (!['script', 'style', 'template'].includes(node.localName)) {
        copySafe(node, to);
      }
    }
  }
}

// `text` with the [start, end) `ranges` wrapped in <mark id="khop-N">, as a fragment.
export function highlight(text, ranges) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) fragment.appendChild(document.createTextNode(text.slice(at, start)));
    fragment.appendChild(h('mark', { id: `khop-${i + 1}` }, text.slice(start, end)));
    at = end;
  });
  if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes screen readers speak repeated messages too.
  setTimeout(() => { region.textContent = message; }, 50);
}
