import { get } from './api.js';

/**
 * The real-time stream: one WebSocket, resumed from the per-chat cursors after every drop, with exponential back-off
 * and immediately when the browser comes back online. States: 'online', 'connecting', 'offline'.
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
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.drop());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !this.ws) this.reconnectNow();
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
    clearTimeout(this.timer);
    this.close();
    this.connect();
  }

  async connect() {
    if (this.stopped || this.ws) return;
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
    ws.onmessage = (msg) => {
      this.lastSeen = Date.now();
      let frame;
      try {
        frame = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        this.attempt = 0;
        this.setState('online');
        this.onReady();
      } else if (frame.type !== 'pong') {
        this.onFrame(frame);
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pinger);
      this.retry();
    };
    ws.onerror = () => {};
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
