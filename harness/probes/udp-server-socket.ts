import { createSocket, type Socket } from 'node:dgram';
import { literalAddress } from '../launch/literal-address.js';

// The grader's own UDP server socket (it plays the server for a student's client), bound. After the bind,
// errors only mean that a client left before its answer reached it: that client reads nothing.
export async function bindServerSocket(address: string, port: number): Promise<Socket> {
  const socket = createSocket({ type: 'udp4', lookup: literalAddress });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      socket.close();
      reject(error);
    };
    socket.once('error', failed);
    socket.bind(port, address, () => {
      socket.off('error', failed);
      socket.on('error', () => undefined);
      resolve();
    });
  });
  return socket;
}
