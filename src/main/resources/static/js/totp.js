// Second-factor enrolment in the web client. A system administrator must enrol before the server answers anything
// else (403 TOTP_ENROLMENT_REQUIRED): this dialog shows the QR code and secret and confirms a first code.
import { get, post } from './api.js';
import { $ } from './dom.js';

/** Shows the enrolment dialog when the server requires it; resolves once enrolled (or at once when not required). */
export async function ensureSecondFactor() {
  let status;
  try {
    status = await get('/api/v1/me/totp');
  } catch {
    return;
  }
  if (!status.required || status.enrolled) return;
  const enrolment = await post('/api/v1/me/totp');
  $('totp-qr').src = enrolment.qrPng;
  $('totp-secret').textContent = enrolment.secret;
  $('totp-error').textContent = '';
  const dialog = $('totp-dialog');
  dialog.showModal();
  await new Promise((resolve) => {
    $('totp-form').onsubmit = async (e) => {
      e.preventDefault();
      try {
        await post('/api/v1/me/totp/confirm', { code: $('totp-confirm-code').value.replace(/\s/g, '') });
        dialog.close();
        resolve();
      } catch (err) {
        $('totp-error').textContent = err.message;
      }
    };
  });
}
