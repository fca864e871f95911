let ctx = null;

/** A short beep made with WebAudio; no sound files. Silently does nothing where audio is unavailable. */
export function beep() {
  try {
    ctx = ctx ?? new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.2);
  } catch {
    /* no audio */
  }
}
