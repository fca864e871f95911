import { api, ApiError } from './api.js';
import { getLang } from './i18n.js';

/**
 * Resumable uploads for the outbox. The bytes of a file waiting to be sent live in IndexedDB (localStorage holds only
 * the outbox item with each file's name, size and, once declared, its upload id), so a reload or a crash loses nothing:
 * the next flush asks the server for the upload's offset (GET /api/v1/uploads/{id}) and sends the rest from there.
 * Chunks go one at a time with XMLHttpRequest, for progress; any failure is thrown to the outbox, which retries with
 * back-off. Loaded only when an outbox item has files.
 */

const DB = 'parta-uploads';
const STORE = 'blobs';
const MAX_CHUNK = 1 << 20;

let dbPromise = null;
function db() {
  dbPromise ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return dbPromise;
}

async function run(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Where IndexedDB is unavailable (some private windows) the bytes wait in memory: they survive a lost connection only. */
const memory = new Map();

async function put(key, blob) {
  try {
    await run('readwrite', (s) => s.put(blob, key));
  } catch {
    memory.set(key, blob);
  }
}

async function remove(key) {
  memory.delete(key);
  await run('readwrite', (s) => s.delete(key)).catch(() => {});
}

/** Keeps the files until they are sent; returns their descriptors for the outbox item. */
export async function stash(clientId, files) {
  const uploads = [];
  for (const [i, f] of files.entries()) {
    const key = `${clientId}:${i}`;
    // a File read from IndexedDB after a reload is still a Blob with its bytes; its name is kept in the descriptor
    await put(key, f.blob);
    uploads.push({ key, name: f.name, size: f.blob.size, type: f.blob.type || '', levels: f.levels ?? null, uploadId: null, fileId: null, sent: 0 });
  }
  return uploads;
}

/** Forgets the stored bytes of an item's files (sent, failed or signed out). */
export async function discard(item) {
  for (const u of item.uploads ?? []) await remove(u.key);
}

async function blobOf(key) {
  const blob = memory.get(key) ?? (await run('readonly', (s) => s.get(key)).catch(() => null));
  if (!blob) throw new ApiError(410, 'UPLOAD_LOST', 'file bytes are gone');
  return blob;
}

/**
 * Uploads every file of the item not yet uploaded, resuming each from the server's offset; on success every descriptor
 * has a fileId. {@code save} persists the item after each step, {@code progress(key, sent, size)} reports bytes.
 */
export async function prepare(item, { save, progress }) {
  for (const u of item.uploads) {
    if (u.fileId) continue;
    const blob = await blobOf(u.key);
    let upload;
    if (u.uploadId) {
      try {
        upload = await api('GET', `/api/v1/uploads/${u.uploadId}`);
      } catch (e) {
        if (e.status !== 404) throw e;
        u.uploadId = null; // expired or finished elsewhere: start it again
      }
    }
    if (!u.uploadId) {
      const body = { chatId: item.chatId, fileName: u.name, size: u.size };
      if (u.levels?.length) body.levels = u.levels;
      upload = await api('POST', '/api/v1/uploads', body);
      u.uploadId = upload.id;
      save();
    }
    let offset = upload.offset;
    const chunk = Math.min(upload.chunkSize || MAX_CHUNK, MAX_CHUNK);
    progress(u.key, offset, u.size);
    let busy = 0;
    while (upload.state !== 'READY') {
      try {
        upload = await putChunk(u.uploadId, offset, blob.slice(offset, Math.min(u.size, offset + chunk)), (n) =>
          progress(u.key, offset + n, u.size),
        );
        busy = 0;
      } catch (e) {
        if (e.code === 'UPLOAD_OFFSET_MISMATCH') upload = { state: 'UPLOADING', offset: e.body.offset };
        else if ((e.code === 'UPLOAD_BUSY' && busy < 8) || e.code === 'UPLOAD_COMPLETE') {
          // the server is still taking a chunk cut off by a reload or a lost connection: wait, then ask where it is
          if (e.code === 'UPLOAD_BUSY') await new Promise((r) => setTimeout(r, 250 * 2 ** busy++));
          upload = await api('GET', `/api/v1/uploads/${u.uploadId}`);
        } else throw e;
      }
      offset = upload.offset;
      u.sent = offset;
      progress(u.key, offset, u.size);
    }
    u.fileId = upload.id;
    save();
    await remove(u.key);
  }
}

function putChunk(id, offset, bytes, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/v1/uploads/${id}`);
    xhr.setRequestHeader('Upload-Offset', String(offset));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', getLang());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else {
        const err = new ApiError(xhr.status, json?.code ?? 'HTTP_' + xhr.status, json?.message ?? xhr.statusText);
        err.body = json;
        reject(err);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'NETWORK', 'aborted'));
    xhr.send(bytes);
  });
}
