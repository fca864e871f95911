import { api } from './api.js';

/** A client id for idempotent sends; crypto.randomUUID needs a secure context, so fall back to getRandomValues. */
export function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Messages written but not yet acknowledged, kept in localStorage so they survive a reload. Each is sent with its
 * clientId until the server answers; the server ignores a repeated clientId, so a retry never duplicates. A message
 * with files first uploads them (uploads.js, loaded on demand; the bytes wait in IndexedDB), resuming each upload where
 * the server has it; messages are sent strictly in order, so a message never overtakes the files sent before it.
 */
export class Outbox {
  constructor(userId, { onSent, onFailed, onChange, onProgress }) {
    this.key = 'parta.outbox.' + userId;
    this.onSent = onSent;
    this.onFailed = onFailed;
    this.onChange = onChange;
    this.onProgress = onProgress ?? (() => {});
    this.flushing = false;
    this.delay = 1000;
    this.timer = null;
    this.items = this.load();
  }

  load() {
    try {
      const items = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(items) ? items : [];
    } catch {
      return [];
    }
  }

  save() {
    localStorage.setItem(this.key, JSON.stringify(this.items));
    this.onChange();
  }

  /** Stops retrying (sign-out): nothing of this user's may be sent with someone else's session. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  forChat(chatId) {
    return this.items.filter((i) => i.chatId === chatId);
  }

  /** {@code uploads}: the descriptors of files already stashed under this clientId (see uploads.js). */
  add(chatId, text, replyTo, mentions, uploads = null, clientId = newClientId()) {
    const item = { clientId, chatId, text, replyTo: replyTo ?? null, mentions, createdAt: new Date().toISOString() };
    if (uploads?.length) item.uploads = uploads;
    this.items.push(item);
    this.save();
    this.flush();
    return item;
  }

  remove(clientId) {
    const gone = this.items.filter((i) => i.clientId === clientId && i.uploads);
    this.items = this.items.filter((i) => i.clientId !== clientId);
    this.save();
    if (gone.length) import('./uploads.js').then((u) => gone.forEach((i) => u.discard(i)));
  }

  async upload(item) {
    if (!item.uploads?.some((u) => !u.fileId)) return;
    const { prepare } = await import('./uploads.js');
    await prepare(item, {
      save: () => this.save(),
      progress: (key, sent, size) => this.onProgress(item, key, sent, size),
    });
  }

  async flush() {
    if (this.flushing || this.stopped) return;
    this.flushing = true;
    clearTimeout(this.timer);
    try {
      while (this.items.length && !this.stopped) {
        const item = this.items[0];
        const body = { clientId: item.clientId, text: item.text };
        if (item.replyTo) body.replyTo = item.replyTo;
        if (item.mentions?.length) body.mentions = item.mentions;
        try {
          await this.upload(item);
          if (this.stopped) return;
          if (item.uploads?.length) body.attachments = item.uploads.map((u) => u.fileId);
          const message = await api('POST', `/api/v1/chats/${item.chatId}/messages`, body);
          this.remove(item.clientId);
          this.delay = 1000;
          this.onSent(item, message);
        } catch (e) {
          if (e.retryable || e.status === 401) {
            this.timer = setTimeout(() => this.flush(), this.delay);
            this.delay = Math.min(this.delay * 2, 30000);
            return;
          }
          this.remove(item.clientId);
          this.onFailed(item, e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
