#!/usr/bin/env python3
// Reference solution for the lab's HTTP server (simpleHTTPServeur.py), ported to node:net: a TCP socket
// and HTTP written by hand, as the lab does with Python's socket module (not node:http).
// The http-server rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import net from 'node:net';

const port = 8080;
// Non-ASCII on purpose: Content-Length counts the bytes of the UTF-8 body, not its characters.
const page = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Accueil</title></head>\n<body><h1>Bienvenue à l’école !</h1></body></html>\n';
const notFound = '<!DOCTYPE html>\n<html><body><h1>404 : page introuvable</h1></body></html>\n';
const badRequest = '<!DOCTYPE html>\n<html><body><h1>400 : requête invalide</h1></body></html>\n';

function response(status: string, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf-8');
  const head = `HTTP/1.1 ${status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

// One request per connection, read from the first chunk (the lab's recv(1024)); the connection is closed after it.
const serveur = net.createServer((conn) => {
  conn.on('error', () => conn.destroy());
  conn.once('data', (request) => {
    const [method, path, version] = request.toString('latin1').split('\r\n')[0]!.split(' ');
    console.log(`Requête : ${method} ${path} ${version}`);
    if (method !== 'GET' || !path?.startsWith('/') || !version?.startsWith('HTTP/')) conn.end(response('400 Bad Request', badRequest));
    else if (path === '/' || path === '/index.html') conn.end(response('200 OK', page));
    else conn.end(response('404 Not Found', notFound));
  });
  // A client that closes without a request: nothing to answer.
  conn.once('end', () => conn.end());
});

// 'localhost' resolves to 127.0.0.1 for AF_INET, as in the handout's UDP server.
serveur.listen(port, '127.0.0.1', () => {
  console.log(`Serveur HTTP en écoute sur http://localhost:${port}/`);
});

// Ctrl+C: stop listening and end, as the Python server does on KeyboardInterrupt.
process.on('SIGINT', () => {
  console.log('Arrêt du serveur');
  process.exit(0);
});
