import { t } from './i18n.js';
import { $ } from './dom.js';
import { formatDuration } from './media.js';

/**
 * Records a voice message with MediaRecorder: Ogg Opus where the browser can (Firefox), else WebM Opus (Chromium);
 * the server reads the duration of either. While recording, an analyser samples the loudness every 100 ms; the
 * samples are summarised into at most {@link LEVELS} values 0..100 that the server keeps as the waveform. Shows the
 * elapsed time; cancel throws the recording away, send hands it over. Loaded when the microphone button is first used.
 */

const LEVELS = 64;
const MAX_MS = 10 * 60 * 1000;

let active = null;

export function isRecording() {
  return active !== null;
}

function mimeType() {
  for (const type of ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm']) {
    if (window.MediaRecorder?.isTypeSupported?.(type)) return type;
  }
  return '';
}

/** Starts recording; {@code onDone({blob, name, levels})} gets the recording when sent. Rejects when not allowed. */
export async function startRecording({ onDone, onError }) {
  if (active) return;
  if (!navigator.mediaDevices?.getUserMedia || !window.MediaRecorder) throw new Error(t('recordingUnsupported'));
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const type = mimeType();
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
  const chunks = [];
  const samples = [];
  const audioContext = new AudioContext();
  const analyser = audioContext.createAnalyser();
  analyser.fftSize = 1024;
  audioContext.createMediaStreamSource(stream).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  const started = Date.now();
  const session = { recorder, stream, audioContext, send: false };
  active = session;

  const tick = () => {
    analyser.getFloatTimeDomainData(buffer);
    let sum = 0;
    for (const v of buffer) sum += v * v;
    samples.push(Math.sqrt(sum / buffer.length));
    const elapsed = Date.now() - started;
    $('rec-time').textContent = formatDuration(elapsed);
    if (elapsed >= MAX_MS) finish(true);
  };
  session.timer = setInterval(tick, 100);
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  recorder.onstop = () => {
    clearInterval(session.timer);
    stream.getTracks().forEach((track) => track.stop());
    audioContext.close().catch(() => {});
    showRecorder(false);
    active = null;
    if (!session.send) return;
    const mime = (recorder.mimeType || type || 'audio/webm').split(';')[0];
    const blob = new Blob(chunks, { type: mime });
    const stamp = new Date(started).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const name = `voice-${stamp}.${mime.includes('ogg') ? 'ogg' : 'webm'}`;
    if (blob.size) onDone({ blob, name, levels: summarise(samples) });
    else onError?.(new Error(t('recordingEmpty')));
  };
  recorder.start(250);
  $('rec-time').textContent = '0:00';
  showRecorder(true);
  $('rec-send').focus();
}

/** Stops the recording: {@code send} hands it to onDone, otherwise it is dropped. */
export function finish(send) {
  if (!active) return;
  active.send = send;
  if (active.recorder.state !== 'inactive') active.recorder.stop();
}

function showRecorder(on) {
  $('recorder').hidden = !on;
  $('composer').hidden = on;
  if (!on) $('compose-input').focus();
}

/** Root-mean-square samples averaged into at most LEVELS buckets, scaled so the loudest is 100. */
export function summarise(samples) {
  if (!samples.length) return [0];
  const n = Math.min(LEVELS, samples.length);
  const buckets = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * samples.length) / n);
    const to = Math.max(from + 1, Math.floor(((i + 1) * samples.length) / n));
    const slice = samples.slice(from, to);
    buckets.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  const peak = Math.max(...buckets);
  return buckets.map((b) => (peak > 0 ? Math.min(100, Math.round((b / peak) * 100)) : 0));
}
