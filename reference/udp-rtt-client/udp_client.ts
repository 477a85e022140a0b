#!/usr/bin/env python3
// Reference solution for the lab's RTT client (udp_client.py), ported to node:dgram.
// The rubric must score this file 20/20: if it does not, the rubric is wrong, not this file.
// The shebang is the handout's required first line; the file is run with `node --import tsx`, never directly.
import dgram from 'node:dgram';

const server = { address: '127.0.0.1', port: 9999 };
const count = 50;
const timeoutMs = 1000;

const client = dgram.createSocket('udp4');
// Every datagram received, for whichever ping is waiting: an echo that is not the current ping's (a late
// echo of a ping already counted lost) is ignored, as comparing the bytes after recvfrom would.
let waiting: ((data: Buffer) => void) | undefined;
client.on('message', (data) => waiting?.(data));

// Sends one ping and resolves with its RTT in ms, or undefined when its echo did not come within timeoutMs.
function ping(message: Buffer): Promise<number | undefined> {
  return new Promise((resolve) => {
    const sentAt = performance.now();
    const timer = setTimeout(() => {
      waiting = undefined;
      resolve(undefined);
    }, timeoutMs);
    waiting = (data) => {
      if (!data.equals(message)) return;
      clearTimeout(timer);
      waiting = undefined;
      resolve(performance.now() - sentAt);
    };
    client.send(message, server.port, server.address);
  });
}

// Top-level await is not available: the private copy has no package.json, so tsx runs this file as CommonJS.
async function main(): Promise<void> {
  const rtts: number[] = [];
  let lost = 0;
  for (let sequence = 1; sequence <= count; sequence++) {
    const rtt = await ping(Buffer.from(`ping ${sequence}`));
    if (rtt === undefined) {
      lost++;
      console.log(`Ping ${sequence} : délai dépassé, paquet perdu`);
    } else {
      rtts.push(rtt);
      console.log(`Réponse ${sequence} : RTT = ${rtt.toFixed(3)} ms`);
    }
  }
  client.close();

  const average = rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length;
  console.log(`Envoyés : ${count}`);
  console.log(`Reçus : ${rtts.length}`);
  console.log(`Pertes : ${lost} (${((lost * 100) / count).toFixed(0)}%)`);
  console.log(`RTT min/avg/max = ${Math.min(...rtts).toFixed(3)}/${average.toFixed(3)}/${Math.max(...rtts).toFixed(3)} ms`);
}

void main();
