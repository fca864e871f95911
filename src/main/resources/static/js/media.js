import { t, getLang } from './i18n.js';
import { h } from './dom.js';

/**
 * Attachments inside a message: photos as their server thumbnail (the box sized from the file's width and height before
 * the picture arrives, so the list never jumps), documents as a type badge with name and size, voice messages as a
 * player with a bar waveform from the recording's levels. Nothing is fetched until shown: thumbnails load lazily and a
 * voice message's audio only when played.
 */

const THUMB = 320;
const AUDIO = new Set(['audio/ogg', 'audio/webm', 'audio/mpeg', 'audio/mp4']);
const THUMBNAILED = new Set(['image/jpeg', 'image/png']);
const INLINE_IMAGES = new Set(['image/gif', 'image/webp']);

/** The file's size for people: "812 Б", "1,4 МБ". */
export function formatSize(bytes) {
  const units = t('sizeUnits').split(',');
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(getLang(), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** 0:07, 1:05. */
export function formatDuration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The badge of a document: PDF, DOC, XLS, PPT, ZIP or the file's own extension (at most four letters). */
export function docKind(contentType) {
  const byType = {
    'application/pdf': 'pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'doc',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xls',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt',
    'application/zip': 'zip',
  }[contentType];
  if (byType) return byType;
  if (contentType?.startsWith('image/')) return 'img';
  if (contentType?.startsWith('audio/')) return 'audio';
  if (contentType?.startsWith('video/')) return 'video';
  return 'file';
}

export function docLabel(kind, fileName) {
  if (kind !== 'file') return kind === 'img' ? 'IMG' : kind === 'audio' ? '♪' : kind === 'video' ? '▶' : kind.toUpperCase();
  const ext = /\.([a-z0-9]{1,4})$/i.exec(fileName ?? '')?.[1];
  return ext ? ext.toUpperCase() : '•••';
}

/** The attachments block of a message, or null when it has none. */
export function attachmentsElement(files) {
  if (!files?.length) return null;
  return h('div', { class: 'attachments', dataset: { ids: files.map((f) => f.id).join(',') } }, files.map(attachmentElement));
}

function attachmentElement(f) {
  const url = `/api/v1/files/${f.id}`;
  if (f.thumbnail && THUMBNAILED.has(f.contentType) && f.width && f.height) return photo(f, url);
  if (INLINE_IMAGES.has(f.contentType)) {
    return h('a', { class: 'photo loose', href: url, target: '_blank', rel: 'noopener', 'aria-label': t('openPhoto', f.fileName) },
      h('img', { src: url, alt: f.fileName, loading: 'lazy' }));
  }
  if (AUDIO.has(f.contentType)) return voicePlayer(f, url);
  return documentLink(f, url);
}

function photo(f, url) {
  const scale = Math.min(1, THUMB / Math.max(f.width, f.height));
  const width = Math.max(1, Math.round(f.width * scale));
  const height = Math.max(1, Math.round(f.height * scale));
  const link = h(
    'a',
    { class: 'photo', href: url, target: '_blank', rel: 'noopener', 'aria-label': t('openPhoto', f.fileName) },
    h('img', { src: `${url}/thumbnail`, alt: f.fileName, width, height, decoding: 'async' }),
  );
  // through the CSSOM: the page's CSP allows no inline style attributes
  link.style.width = `${width}px`;
  link.style.aspectRatio = `${width} / ${height}`;
  return link;
}

function documentLink(f, url) {
  const kind = docKind(f.contentType);
  return h(
    'a',
    { class: 'doc', href: url, download: f.fileName, dataset: { kind } },
    h('span', { class: 'doc-icon kind-' + kind, 'aria-hidden': 'true' }, docLabel(kind, f.fileName)),
    h('span', { class: 'doc-text' }, h('span', { class: 'doc-name' }, f.fileName), h('span', { class: 'doc-size muted small' }, formatSize(f.size))),
  );
}

/** Always this many bars: longer summaries are averaged down, shorter ones stretched, missing ones drawn flat. */
const BARS = 40;

export function bars(levels) {
  if (!levels?.length) return Array(BARS).fill(8);
  if (levels.length <= BARS) return Array.from({ length: BARS }, (_, i) => Math.max(4, levels[Math.floor((i * levels.length) / BARS)]));
  const out = [];
  for (let i = 0; i < BARS; i++) {
    const from = Math.floor((i * levels.length) / BARS);
    const to = Math.max(from + 1, Math.floor(((i + 1) * levels.length) / BARS));
    const slice = levels.slice(from, to);
    out.push(Math.max(4, Math.round(slice.reduce((a, b) => a + b, 0) / slice.length)));
  }
  return out;
}

function voicePlayer(f, url) {
  const levels = bars(f.levels);
  const total = f.durationMs ?? 0;
  const button = h('button', { type: 'button', class: 'play', 'aria-label': t('play'), title: t('play'), 'aria-pressed': 'false' }, '▶');
  const wave = h(
    'span',
    { class: 'wave', role: 'slider', tabindex: '0', 'aria-label': t('voicePosition'), 'aria-valuemin': '0', 'aria-valuemax': String(Math.round(total / 1000)), 'aria-valuenow': '0' },
    levels.map((l) => {
      const bar = h('span', { class: 'lvl' });
      bar.style.height = `${l}%`;
      return bar;
    }),
  );
  const time = h('span', { class: 'voice-time small' }, total ? formatDuration(total) : '');
  const box = h('div', { class: 'voice', dataset: { fileId: f.id, state: 'idle' } }, button, wave, time);
  let audio = null;

  const paint = () => {
    const length = audio && Number.isFinite(audio.duration) ? audio.duration * 1000 : total;
    const at = audio ? audio.currentTime * 1000 : 0;
    const played = length ? Math.min(1, at / length) : 0;
    const lit = Math.round(played * levels.length);
    [...wave.children].forEach((bar, i) => bar.classList.toggle('played', i < lit));
    time.textContent = audio && !audio.paused ? formatDuration(at) : total ? formatDuration(total) : formatDuration(length);
    wave.setAttribute('aria-valuenow', String(Math.round(at / 1000)));
  };
  const setState = (state) => {
    box.dataset.state = state;
    const playing = state === 'playing';
    button.textContent = playing ? '❚❚' : '▶';
    button.setAttribute('aria-pressed', String(playing));
    button.setAttribute('aria-label', t(playing ? 'pause' : 'play'));
    button.title = t(playing ? 'pause' : 'play');
  };
  const ensureAudio = () => {
    if (audio) return audio;
    audio = new Audio(url);
    audio.preload = 'auto';
    audio.addEventListener('playing', () => setState('playing'));
    audio.addEventListener('pause', () => setState(audio.ended ? 'ended' : 'paused'));
    audio.addEventListener('ended', () => {
      setState('ended');
      audio.currentTime = 0;
      paint();
    });
    audio.addEventListener('timeupdate', paint);
    audio.addEventListener('error', () => setState('error'));
    box.append(audio);
    return audio;
  };
  button.addEventListener('click', () => {
    const a = ensureAudio();
    if (a.paused) {
      for (const other of document.querySelectorAll('.voice audio')) if (other !== a) other.pause();
      a.play().catch(() => setState('error'));
    } else a.pause();
  });
  const seek = (fraction) => {
    const a = ensureAudio();
    const length = Number.isFinite(a.duration) ? a.duration : total / 1000;
    if (length) a.currentTime = Math.min(length, Math.max(0, fraction * length));
    paint();
  };
  wave.addEventListener('click', (e) => {
    const r = wave.getBoundingClientRect();
    seek((e.clientX - r.left) / r.width);
  });
  wave.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const a = ensureAudio();
    const length = Number.isFinite(a.duration) ? a.duration : total / 1000;
    if (length) seek((a.currentTime + (e.key === 'ArrowRight' ? 5 : -5)) / length);
  });
  return box;
}
