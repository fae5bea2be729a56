// Storysafe's scanning worker: finds the identifiers of the story off the page's main thread, so
// that typing never waits on a scan of a long story. It runs this same build (the app's own
// storysafe-web.js and storysafe-web_bg.wasm: nothing more to download, and the service worker
// serves them offline) and answers each {revision, text} message with
// {type: 'scanned', revision, spans, ms}: the engine's spans as a string (src/state/wire.rs) and
// the milliseconds the scan took here. It posts {type: 'ready'} once it can scan, or
// {type: 'failed' | 'error', error} when it cannot; the page then scans on its own (src/ui/scanner.rs).
// It receives the story from the page and sends it nowhere else: it makes no request but for the
// two files above. Every URL here is relative to this file, so the app works from any sub-path.
import init, { scan_for_worker } from './storysafe-web.js';

const ready = (async () => {
  await init({ module_or_path: new URL('./storysafe-web_bg.wasm', import.meta.url) });
  // Builds the engine (its patterns and dictionaries) now rather than on the first scan.
  scan_for_worker('Warm up: Ana wrote from ana@example.org on 3/14.');
})();

ready.then(
  () => self.postMessage({ type: 'ready' }),
  (err) => self.postMessage({ type: 'failed', error: String(err) }),
);

self.onmessage = async (event) => {
  const { revision, text } = event.data;
  try {
    await ready;
    const start = performance.now();
    const spans = scan_for_worker(text);
    self.postMessage({ type: 'scanned', revision, spans, ms: performance.now() - start });
  } catch (err) {
    self.postMessage({ type: 'error', revision, error: String(err) });
  }
};
