// Starts the WebAssembly app. An external module (not Trunk's inline loader) so that the page's
// Content-Security-Policy can forbid every inline script.
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
