// Storysafe's service worker: keeps this build's own files in a cache so that, after one visit,
// the app loads and works with the network off.
//
// What it does, and all it does:
// - It handles only GET requests, from this origin, for the files of this build listed below (and
//   the folder's own URL, which is index.html). Anything else is left to the browser untouched: it
//   never reads, stores or forwards a request body, and story text never reaches it.
// - It makes no request to any other origin: the only fetches it starts are for the listed files,
//   resolved next to this script.
// - Its cache is named after this build's content hash. A newly published build has a different
//   sw.js (the hash changes), so the browser installs it next to the old one; the page then says a
//   new version is ready and offers to reload (loader.js). The old engine is never replaced silently,
//   and never served without the page knowing that a newer one exists.
// - Every file is checked against its SHA-256 from the build before it is cached, so a half-finished
//   upload or a stale proxy can never mix files of two builds in the cache.

// Written at build time by scripts/stamp-sw.sh (a Trunk post_build hook): the build's content hash
// and each file with its SHA-256. An unstamped copy refuses to install.
const BUILD = { version: 'unstamped', files: {} }; // @stamp

const SCOPE = new URL(self.registration.scope);
// Caches are shared by a whole origin: the name carries the scope, so that two copies of Storysafe
// hosted under different folders of one site never delete each other's files.
const CACHE_PREFIX = `storysafe ${SCOPE.pathname} `;
const CACHE = CACHE_PREFIX + BUILD.version;
const INDEX = new URL('index.html', self.location).href;
/** Absolute URL (without query) -> the build's file name, for every file of this build. */
const ASSETS = new Map(Object.keys(BUILD.files).map((f) => [new URL(f, self.location).href, f]));

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (ASSETS.size === 0) throw new Error('storysafe: this sw.js was not stamped by the build');
    const cache = await caches.open(CACHE);
    for (const [url, name] of ASSETS) {
      // 'reload': straight from the server, never from the HTTP cache (file names do not change
      // between builds).
      const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`storysafe: ${name}: HTTP ${response.status}`);
      const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
      if (digest !== BUILD.files[name]) {
        await caches.delete(CACHE);
        throw new Error(`storysafe: ${name} on the server is not the file of build ${BUILD.version}`);
      }
      await cache.put(url, response);
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'storysafe:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  const key = url.pathname === SCOPE.pathname ? INDEX : (ASSETS.has(url.href) ? url.href : null);
  if (key === null) return;
  event.respondWith((async () => {
    const cached = await caches.match(key, { cacheName: CACHE });
    // A file missing from the cache (evicted by the browser): fetch this build's copy.
    return cached || fetch(request);
  })());
});
