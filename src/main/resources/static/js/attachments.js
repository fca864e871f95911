import { t } from './i18n.js';
import { $, h } from './dom.js';
import { formatSize, docKind, docLabel } from './media.js';

/**
 * The composer's files: chosen with the attach button (several at once, at most {@link MAX} per message), shown in a
 * tray above the input until the message is sent or they are removed, then shown in the pending message with a
 * progress bar per file until the server has them. Holds File objects only in memory; once sent they belong to the
 * outbox (see uploads.js).
 */

export const MAX = 10;
let tray = [];
let onChange = () => {};

/** {@code changed} runs whenever the tray changes (the composer enables sending with files and no text). */
export function initAttachments(changed) {
  onChange = changed;
  $('attach').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', () => {
    addFiles([...$('file-input').files]);
    $('file-input').value = '';
  });
}

/** Adds files (or recordings: {blob, name, levels}) to the tray; more than MAX is refused with a notice. */
export function addFiles(files) {
  const room = MAX - tray.length;
  const items = files.map((f) => (f instanceof Blob ? { blob: f, name: f.name || 'file', levels: null } : f));
  tray.push(...items.slice(0, Math.max(0, room)));
  $('attach-note').textContent = items.length > room ? t('tooManyFiles', MAX) : '';
  renderTray();
}

export function trayFiles() {
  return tray.slice();
}

export function clearTray() {
  tray = [];
  $('attach-note').textContent = '';
  renderTray();
}

function renderTray() {
  const list = $('tray');
  list.hidden = tray.length === 0;
  list.replaceChildren(
    ...tray.map((f, i) =>
      h(
        'li',
        { class: 'tray-item' },
        h('span', { class: 'doc-icon small kind-' + docKind(f.blob.type), 'aria-hidden': 'true' }, docLabel(docKind(f.blob.type), f.name)),
        h('span', { class: 'grow tray-name' }, f.name),
        h('span', { class: 'muted small' }, formatSize(f.blob.size)),
        h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'aria-label': t('removeFile', f.name),
            title: t('removeFile', f.name),
            onclick: () => {
              tray.splice(i, 1);
              renderTray();
              $('compose-input').focus();
            },
          },
          '✕',
        ),
      ),
    ),
  );
  onChange();
}

/** The files of a pending message, each with its progress. */
export function pendingFiles(item) {
  if (!item.uploads?.length) return null;
  return h(
    'ul',
    { class: 'pending-files' },
    item.uploads.map((u) =>
      h(
        'li',
        { dataset: { uploadKey: u.key } },
        h('span', { class: 'grow tray-name' }, u.name),
        h('progress', { max: String(u.size), value: String(u.fileId ? u.size : u.sent ?? 0), 'aria-label': t('uploading', u.name) }),
        h('span', { class: 'muted small pct' }, percent(u.fileId ? u.size : u.sent ?? 0, u.size)),
      ),
    ),
  );
}

/** Moves a pending file's progress bar. */
export function showProgress(clientId, key, sent, size) {
  const row = document.querySelector(`.msg.pending[data-client-id="${CSS.escape(clientId)}"] li[data-upload-key="${CSS.escape(key)}"]`);
  if (!row) return;
  row.querySelector('progress').value = sent;
  row.querySelector('.pct').textContent = percent(sent, size);
}

function percent(sent, size) {
  return `${size ? Math.floor((sent * 100) / size) : 100} %`;
}
