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
let lastRendered = null; // pathname + search of the page on screen

// We put the scroll position back ourselves once a page's data is shown: the browser's own
// restoration runs before the data arrives.
history.scrollRestoration = 'manual';

async function render({ fromHistory = false } = {}) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  main.dataset.state = 'loading';  // 'ready' once the page shows its data or its error
  const path = location.pathname;
  const pageChanged = path !== lastPath;
  lastPath = path;
  lastRendered = location.pathname + location.search;
  const focusKey = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.focusKey : null;
  const context = { signal, navigate, fromHistory };

  const documentMatch = /^\/van-ban\/([^/]+)\/?$/.exec(path);
  if (path === '/' || path === '/index.html') {
    await showSearch(main, location, context);
  } else if (documentMatch) {
    await showDocument(main, decodeURIComponent(documentMatch[1]), location, context);
  } else if (path === '/trich-dan') {
    await showInstrument(main, location, context);
  } else {
    document.title = 'Không tìm thấy trang — Vanban';
    main.replaceChildren(errorBlock('Không tìm thấy trang',
      'Đường dẫn này không có trong Vanban. Hãy quay về trang tìm kiếm.'));
  }
  if (signal.aborted) return;
  main.dataset.state = 'ready';
  restoreFocus(focusKey, pageChanged && !fromHistory);
  if (fromHistory) {
    const scrollY = history.state && history.state.scrollY;
    window.scrollTo(0, Number(scrollY) || 0);
  }
}

// Keyboard users keep their place: the control they used (same data-focus-key) gets focus
// back after re-rendering; a new page moves focus to its content.
function restoreFocus(focusKey, pageChanged) {
  if (focusKey) {
    const again = main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (again) {
      again.focus({ preventScroll: true });
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

function rememberScroll() {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
}

export function navigate(url) {
  const target = new URL(url, location.href);
  rememberScroll();
  if (target.href !== location.href) history.pushState({ scrollY: 0 }, '', target.href);
  const samePage = target.pathname === lastPath;
  render().then(() => {
    if (target.hash) {
      const anchor = document.getElementById(decodeURIComponent(target.hash.slice(1)));
      if (anchor) anchor.scrollIntoView();
    } else if (!samePage) {
      window.scrollTo(0, 0);
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

window.addEventListener('popstate', () => {
  // A jump to an anchor on the page (#khop-1) changes only the hash: nothing to render.
  if (location.pathname + location.search === lastRendered) return;
  render({ fromHistory: true });
});

window.addEventListener('pagehide', rememberScroll);

render({ fromHistory: true });
