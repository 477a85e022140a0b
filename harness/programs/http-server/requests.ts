// The exact bytes each probe sends. A request a browser or curl could send, small enough for one recv(1024).
export function getRequest(path: string): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: netlab-grader\r\nAccept: */*\r\nConnection: close\r\n\r\n`, 'latin1');
}

// Not HTTP at all: a server must survive it (answer 400, or close the connection).
export const garbageRequest = Buffer.from('garbage\r\n\r\n');

// Nothing: the client connects and closes at once (the server's recv returns b'').
export const emptyRequest = Buffer.alloc(0);
