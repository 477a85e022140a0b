// Node twin of harness/hooks/python/sitecustomize.py: moves the lab's fixed ports to grader-chosen ones so runs can go in parallel.
import dgram from 'node:dgram';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const spec = process.env.GRADER_PORT_MAP ?? '';
const map = new Map();
for (const pair of spec.split(',')) {
  const [requested = '', actual = ''] = pair.split('=').map((part) => part.trim());
  if (/^\d+$/.test(requested) && /^\d+$/.test(actual)) map.set(Number(requested), Number(actual));
}

// Mapped port -> its target; any other valid non-zero port -> 0 (kernel picks); everything else untouched,
// so invalid ports still raise the error the program would get without the hook.
function remap(port) {
  const n = typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : port;
  return Number.isInteger(n) && n > 0 && n < 65536 ? (map.get(n) ?? 0) : port;
}

function patch(proto, name) {
  const original = proto[name];
  proto[name] = function (...args) {
    const [first] = args;
    if (first !== null && typeof first === 'object') {
      if ('port' in first) args[0] = { ...first, port: remap(first.port) };
    } else if (args.length > 0 && typeof first !== 'function') {
      args[0] = remap(first);
    }
    return original.apply(this, args);
  };
}

// A client's destination: only a mapped port moves (to its target); any other is left as the program wrote it.
function destination(port) {
  const n = typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : port;
  return Number.isInteger(n) ? (map.get(n) ?? port) : port;
}

// send(msg[, offset, length][, port][, address][, callback]), read as Node reads it: on an unconnected
// socket, the long form when an address or a non-function fourth argument is given. A connected socket names no port.
function patchSend(proto) {
  const original = proto.send;
  proto.send = function (...args) {
    if (!isConnected(this)) {
      const at = args[4] || (args[3] && typeof args[3] !== 'function') ? 3 : 1;
      if (args.length > at && typeof args[at] !== 'function') args[at] = destination(args[at]);
    }
    return original.apply(this, args);
  };
}

function isConnected(socket) {
  try {
    socket.remoteAddress();
    return true;
  } catch {
    return false;
  }
}

function patchConnect(proto) {
  const original = proto.connect;
  proto.connect = function (port, ...rest) {
    return original.call(this, destination(port), ...rest);
  };
}

// net's Socket#connect(port[, host][, cb]) or (options[, cb]); net.connect() passes its arguments normalized,
// as an array whose first element is the options object.
function patchStreamConnect(proto) {
  const original = proto.connect;
  proto.connect = function (...args) {
    const [first] = args;
    if (Array.isArray(first)) {
      if (hasPort(first[0])) first[0] = withDestination(first[0]);
    } else if (hasPort(first)) {
      args[0] = withDestination(first);
    } else if (typeof first === 'number' || typeof first === 'string') {
      args[0] = destination(first);
    }
    return original.apply(this, args);
  };
}

const hasPort = (options) => options !== null && typeof options === 'object' && 'port' in options;
// A copy: the options object is the program's own, and connecting with it again must not map its port twice.
const withDestination = (options) => ({ ...options, port: destination(options.port) });

// As the Python hook does: each listening TCP server appends {"listen": port} to the bind log, which wakes
// the grader's wait for it (reading /proc's TCP tables costs milliseconds, so it is done on this cue).
function logListening(proto) {
  const original = proto.listen;
  const log = process.env.GRADER_BIND_LOG;
  proto.listen = function (...args) {
    if (log) {
      this.once('listening', () => {
        const address = this.address();
        if (address === null || typeof address !== 'object') return; // A pipe, not a port.
        try {
          appendFileSync(log, `${JSON.stringify({ listen: address.port })}\n`);
        } catch {
          // No log: the grader sees the socket in /proc a little later.
        }
      });
    }
    return original.apply(this, args);
  };
}

if (spec.trim() !== '') {
  patch(dgram.Socket.prototype, 'bind');
  patch(net.Server.prototype, 'listen');
  logListening(net.Server.prototype);
  patchSend(dgram.Socket.prototype);
  patchConnect(dgram.Socket.prototype);
  patchStreamConnect(net.Socket.prototype);
}
