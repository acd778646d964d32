/**
 * A local Slack incoming webhook on 127.0.0.1 for tests: it answers as Slack's webhook endpoint does
 * (https://api.slack.com/messaging/webhooks#handling_errors): 200 with the text body "ok" for a
 * message it posts, 400 "invalid_payload" for a body that is not a JSON message, 400 "no_text" for
 * one without text or blocks, 404 "no_service" for an unknown webhook path, and whatever faults a
 * test queues (a status, a body, headers such as Retry-After, or a dropped connection). Only
 * messages answered with 200 count as posted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A scripted answer, or `drop` to close the connection after reading the request (the outcome is unknown to the client). */
export type SlackFault = { status: number; body: string; headers?: Record<string, string> } | 'drop';

export interface SlackServer {
  /** The webhook URL to post to. */
  readonly url: string;
  /** Messages posted (answered 200 "ok"), oldest first. */
  readonly posted: { text: string; payload: Record<string, unknown> }[];
  /** Every request received, answered or not. */
  readonly requests: number;
  /** Queues answers: each request takes the next one; `persist` repeats the last forever. */
  fault(sequence: readonly SlackFault[], options?: { persist?: boolean }): void;
  close(): Promise<void>;
}

const PATH = '/services/T0000TEST/B0000TEST/oncallTestSecret000000';

export async function startSlackServer(): Promise<SlackServer> {
  const posted: SlackServer['posted'] = [];
  let requests = 0;
  let queue: SlackFault[] = [];
  let persist = false;
  const sockets = new Set<Socket>();
  const answer = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests += 1;
      const fault = queue.length === 1 && persist ? queue[0] : queue.shift();
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault && fault.status !== 200) return answer(res, fault.status, fault.body, fault.headers);
      if (req.method !== 'POST' || req.url !== PATH) return answer(res, 404, 'no_service');
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(res, 400, 'invalid_payload');
      }
      if (typeof payload !== 'object' || payload === null) return answer(res, 400, 'invalid_payload');
      if (typeof payload.text !== 'string' && !Array.isArray(payload.blocks)) return answer(res, 400, 'no_text');
      posted.push({ text: String(payload.text ?? ''), payload });
      answer(res, 200, 'ok');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    posted,
    get requests() {
      return requests;
    },
    fault(sequence, options = {}) {
      queue = [...sequence];
      persist = options.persist === true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
