// Starts the WebAssembly app. An external module (not Trunk's inline loader) so that the page's
// Content-Security-Policy can forbid every inline script. Every URL here is relative to this file,
// so the same build works from a site's root and from any sub-path (e.g. /tools/storysafe/).
import init from './storysafe-web.js';

try {
  await init({ module_or_path: new URL('./storysafe-web_bg.wasm', import.meta.url) });
} catch (err) {
  const box = document.getElementById('boot-error');
  if (box) {
    box.hidden = false;
    box.textContent = 'Storysafe could not start in this browser: ' + err +
      '. Nothing was sent anywhere. Try a current Chrome, Firefox, Edge or Safari.';
  }
  throw err;
}

registerServiceWorker();

/**
 * Registers sw.js (next to this file, scoped to this folder) so that the app works offline after
 * one visit, and tells the user when a newer build has been published: the banner in index.html
 * offers to reload, and the old engine keeps running only until they accept.
 */
async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const folder = new URL('./', import.meta.url);
  let controlled = sw.controller !== null;
  let accepted = false;

  const banner = document.getElementById('update-banner');
  const reloadButton = document.getElementById('update-reload');
  const message = document.getElementById('update-message');
  /** Shows the banner; its button runs `onReload`. */
  function offer(text, onReload) {
    if (!banner || !reloadButton) return;
    if (message) message.textContent = text;
    reloadButton.onclick = onReload;
    banner.hidden = false;
  }
  /** A new build is installed and waiting for this page to let it take over. */
  function offerWaiting(worker) {
    offer('A new version of Storysafe has been published; this page still runs the previous one.', () => {
      accepted = true;
      reloadButton.disabled = true;
      worker.postMessage('storysafe:activate');
    });
  }

  sw.addEventListener('controllerchange', () => {
    const wasControlled = controlled;
    controlled = true;
    if (accepted) {
      // If the user cancels this reload (e.g. to export unsaved work first), the banner stays and
      // its button reloads.
      offer('The new version of Storysafe is ready: reload the page to use it.', () => window.location.reload());
      reloadButton.disabled = false;
      window.location.reload();
    } else if (wasControlled) {
      // Another tab accepted the update: this page still runs the engine it loaded with.
      offer('Storysafe was updated in another tab; this page still runs the previous version.',
        () => window.location.reload());
    }
  });

  let registration;
  try {
    registration = await sw.register(new URL('./sw.js', import.meta.url), {
      scope: folder.pathname,
      updateViaCache: 'none',
    });
  } catch (err) {
    // Offline use is unavailable (e.g. a private window or plain http): the app itself still works.
    console.warn('Storysafe: offline use is unavailable in this browser:', err);
    return;
  }
  if (registration.waiting && sw.controller) offerWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) offerWaiting(worker);
    });
  });
  // A tab left open for days still hears about new versions.
  const check = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, 60 * 60 * 1000);
}
