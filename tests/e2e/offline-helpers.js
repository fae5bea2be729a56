// Helpers for the service-worker tests (offline use, updates, hosting under a sub-path).

/** Waits until a service worker controls the page; resolves to its registration's scope. */
async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
    null, { timeout: 20_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
}

/** The names of the page origin's caches. */
function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** Every cached response's URL and body text, across all of the origin's caches. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const all = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).text();
        all.push({ cache: name, url: request.url, body });
      }
    }
    return all;
  });
}

/**
 * Asks the browser to check for a new sw.js now, and resolves to what became of the new worker:
 * 'installed' (waiting to take over), 'redundant' (its install failed), or 'none' (no new
 * version published).
 */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.installing || reg.waiting;
    if (!worker) return 'none';
    if (worker.state === 'installed' || worker.state === 'redundant') return worker.state;
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
    }));
  });
}

module.exports = { waitForController, cacheNames, cacheContents, checkForUpdate };
