// Progressive enhancement only: every page works without this file.
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();

// Intake forms: find a small proof of work on the form's token before sending, so the form can be sent
// at once. Without this (no JavaScript, or no Web Crypto outside HTTPS) the server waits a moment instead.
const DIFFICULTY_BITS = 12;

async function proofOfWork(token) {
  const encoder = new TextEncoder();
  for (let nonce = 0; nonce < 5000000; nonce += 1) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${nonce}`)));
    let bits = DIFFICULTY_BITS;
    let ok = true;
    for (let i = 0; bits > 0; i += 1) {
      const need = Math.min(8, bits);
      if ((digest[i] >>> (8 - need)) !== 0) {
        ok = false;
        break;
      }
      bits -= need;
    }
    if (ok) {
      return String(nonce);
    }
  }
  return '';
}

for (const form of document.querySelectorAll('form[data-proof-of-work]')) {
  form.addEventListener('submit', async (event) => {
    const token = form.querySelector('input[name="sg_form"]');
    const nonce = form.querySelector('input[name="sg_nonce"]');
    if (!token || !nonce || nonce.value || !(window.crypto && crypto.subtle)) {
      return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    if (submitter) {
      submitter.setAttribute('disabled', 'disabled');
    }
    try {
      nonce.value = await proofOfWork(token.value);
    } finally {
      if (submitter) {
        submitter.removeAttribute('disabled');
      }
    }
    // Sent straight away: the nonce is there now (requestSubmit from here did not send it in Chromium).
    HTMLFormElement.prototype.submit.call(form);
  });
}
