import type { Scheduler } from '../time/scheduler';

/** The part of the browser WebSocket the channel uses (a fake one in tests). */
export type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
};

/** Opens a socket, or rejects if it errors, closes, or has not opened within `timeoutMs`. */
export function openSocket(
  createSocket: (url: string) => SocketLike,
  url: string,
  timeoutMs: number,
  scheduler: Pick<Scheduler, 'after'>,
): Promise<SocketLike> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(url);
    const fail = (why: string) => {
      cancelTimeout();
      socket.onopen = socket.onerror = socket.onclose = null;
      closeQuietly(socket);
      reject(new Error(why));
    };
    const cancelTimeout = scheduler.after(timeoutMs, () =>
      fail('The notifications socket did not open in time.'),
    );
    socket.onopen = () => {
      cancelTimeout();
      resolve(socket);
    };
    socket.onerror = () => fail('The notifications socket could not be opened.');
    socket.onclose = () => fail('The notifications socket closed while opening.');
  });
}

export function closeQuietly(socket: SocketLike): void {
  try {
    if (socket.readyState <= 1) socket.close(1000, 'Client moved on');
  } catch {
    // Closing a socket that never opened may throw in some browsers; it is gone either way.
  }
}
