import { get, post } from './api.js';

const POLL_AFTER_FAILURES = 3;
const RETRY_WEBSOCKET_MS = 60000;

/**
 * The real-time stream: one WebSocket, resumed from the per-chat cursors after every drop, with exponential back-off
 * and immediately when the browser comes back online. When the WebSocket cannot be opened at all (a firewall on the
 * stream port) it falls back to long-polling POST /api/v1/sync with the same cursors, and tries the WebSocket again
 * every minute. States: 'online', 'connecting', 'offline'.
 */
export class Stream {
  constructor({ cursors, onFrame, onState, onReady }) {
    this.cursors = cursors;
    this.onFrame = onFrame;
    this.onState = onState;
    this.onReady = onReady;
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.pinger = null;
    this.stopped = true;
    this.lastSeen = 0;
    this.state = null;
    this.wsFailures = 0;
    this.poller = null;
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.drop());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !this.ws && !this.poller) this.reconnectNow();
    });
  }

  setState(s) {
    if (s !== this.state) {
      this.state = s;
      this.onState(s);
    }
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.close();
  }

  close() {
    clearInterval(this.pinger);
    this.poller?.abort();
    this.poller = null;
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
  }

  /** The network went away: close the socket and wait for 'online'. */
  drop() {
    this.close();
    clearTimeout(this.timer);
    if (!this.stopped) this.setState('offline');
  }

  reconnectNow() {
    if (this.stopped) return;
    this.attempt = 0;
    this.wsFailures = 0;
    clearTimeout(this.timer);
    this.close();
    this.connect();
  }

  async connect() {
    if (this.stopped || this.ws || this.poller) return;
    if (!navigator.onLine) {
      this.setState('offline');
      return;
    }
    this.setState('connecting');
    let info;
    try {
      info = this.info ?? (this.info = await get('/api/v1/stream-info'));
    } catch (e) {
      this.retry();
      return;
    }
    if (this.stopped || this.ws) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
    const ws = new WebSocket(`${scheme}://${host}:${info.port}${info.path}`);
    this.ws = ws;
    ws.onopen = () => {
      const cursors = {};
      for (const [chatId, pos] of this.cursors) cursors[chatId] = pos;
      ws.send(JSON.stringify({ type: 'hello', cursors }));
      this.lastSeen = Date.now();
      this.pinger = setInterval(() => this.ping(), 20000);
    };
    let ready = false;
    const openTimer = setTimeout(() => {
      if (!ready && this.ws === ws) ws.close();
    }, 10000);
    ws.onmessage = (msg) => {
      this.lastSeen = Date.now();
      let frame;
      try {
        frame = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        ready = true;
        this.wsFailures = 0;
        this.attempt = 0;
        this.setState('online');
        this.onReady();
      } else if (frame.type !== 'pong') {
        this.onFrame(frame);
      }
    };
    ws.onclose = () => {
      clearTimeout(openTimer);
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pinger);
      if (!ready) this.wsFailures += 1;
      if (this.wsFailures >= POLL_AFTER_FAILURES && navigator.onLine) this.poll();
      else this.retry();
    };
    ws.onerror = () => {};
  }

  /** Long-polls the HTTP sync endpoint until it fails, then goes back to the WebSocket. */
  async poll() {
    const controller = new AbortController();
    this.poller = controller;
    const started = Date.now();
    let first = true;
    while (!this.stopped && this.poller === controller) {
      const cursors = {};
      for (const [chatId, pos] of this.cursors) cursors[chatId] = pos;
      let res;
      try {
        res = await post('/api/v1/sync', { cursors, waitSeconds: first ? 0 : 25 }, controller.signal);
      } catch {
        if (this.poller !== controller) return;
        this.poller = null;
        this.retry();
        return;
      }
      if (this.poller !== controller) return;
      for (const frame of res.events) this.onFrame(frame);
      for (const [chatId, pos] of Object.entries(res.cursors)) {
        if (pos > (this.cursors.get(Number(chatId)) ?? 0)) this.cursors.set(Number(chatId), pos);
      }
      if (first) {
        first = false;
        this.attempt = 0;
        this.setState('online');
        this.onReady();
      }
      if (!res.more && Date.now() - started > RETRY_WEBSOCKET_MS) {
        this.poller = null;
        this.wsFailures = 0;
        this.connect();
        return;
      }
    }
  }

  ping() {
    if (!this.ws) return;
    if (Date.now() - this.lastSeen > 50000) {
      this.close();
      this.retry();
      return;
    }
    this.send({ type: 'ping' });
  }

  retry() {
    if (this.stopped) return;
    this.setState(navigator.onLine && this.attempt === 0 ? 'connecting' : 'offline');
    const delay = Math.min(30000, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 10);
    if (this.attempt % 3 === 0) this.info = null; // re-read stream-info: also notices a signed-out session
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  send(frame) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }
}
