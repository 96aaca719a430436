import { get, IncomingMessage } from 'node:http';

export interface EventStream<T> {
  status: number;
  /** The data of every event of the chosen type received so far. */
  events: T[];
  /** Whether the server has ended the stream. */
  ended: () => boolean;
  close: () => void;
}

/** Opens a server-sent-events stream on a listening test app and collects events of one type. */
export function openEventStream<T>(port: number, path: string, eventType: string, headers: Record<string, string> = {}): Promise<EventStream<T>> {
  return new Promise((resolve, reject) => {
    const events: T[] = [];
    const req = get({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
      let buffer = '';
      let ended = false;
      res.on('end', () => (ended = true));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes(`event: ${eventType}`) && data) events.push(JSON.parse(data.slice(6)) as T);
        }
      });
      resolve({ status: res.statusCode!, events, ended: () => ended, close: () => req.destroy() });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
  });
}
