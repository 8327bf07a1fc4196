// Client-side routing with the History API. Routes:
//   /                       search (state in the query string, API parameter names)
//   /van-ban/<id>?q=...     a document, with the search terms highlighted
//   /trich-dan?number=...   a cited number: archived documents with it and documents citing it
// The server answers every non-/api path without an extension with index.html.

import { showDocument, errorBlock } from './document.js';
import { showInstrument } from './instrument.js';
import { showSearch } from './search.js';

const main = document.getElementById('main');
let controller = null;
let lastPath = null;

async function render() {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  main.dataset.state = 'loading';  // 'ready' once the page shows its data or its error
  const path = location.pathname;
  const pageChanged = path !== lastPath;
  lastPath = path;
  const focusKey = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.focusKey : null;

  const documentMatch = /^\/van-ban\/([^/]+)\/?$/.exec(path);
  if (path === '/' || path === '/index.html') {
    await showSearch(main, location, signal, navigate);
  } else if (documentMatch) {
    await showDocument(main, decodeURIComponent(documentMatch[1]), location, signal);
  } else if (path === '/trich-dan') {
    await showInstrument(main, location, signal);
  } else {
    document.title = 'Không tìm thấy trang — Vanban';
    main.replaceChildren(errorBlock('Không tìm thấy trang',
      'Đường dẫn này không có trong Vanban. Hãy quay về trang tìm kiếm.'));
  }
  if (signal.aborted) return;
  main.dataset.state = 'ready';
  restoreFocus(focusKey, pageChanged);
}

// Keyboard users keep their place: the control they used (same data-focus-key) gets focus
// back after re-rendering; a new page moves focus to its content.
function restoreFocus(focusKey, pageChanged) {
  if (focusKey) {
    const again = main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (again) {
      again.focus();
      return;
    }
  }
  if (pageChanged && document.activeElement === document.body) {
    const heading = main.querySelector('h1');
    if (heading && !heading.querySelector('label')) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
}

export function navigate(url, { replace = false } = {}) {
  const target = new URL(url, location.href);
  if (target.href === location.href && !replace) {
    render();
    return;
  }
  if (replace) history.replaceState(null, '', target.href);
  else history.pushState(null, '', target.href);
  const samePage = target.pathname === lastPath;
  render().then(() => {
    if (!samePage && !target.hash) window.scrollTo(0, 0);
    if (target.hash) {
      const anchor = document.getElementById(decodeURIComponent(target.hash.slice(1)));
      if (anchor) anchor.scrollIntoView();
    }
  });
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[data-nav]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.href);
});

window.addEventListener('popstate', () => { render(); });

render();
