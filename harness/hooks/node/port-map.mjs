// Node twin of harness/hooks/python/sitecustomize.py: moves the lab's fixed ports to grader-chosen ones so runs can go in parallel.
import dgram from 'node:dgram';
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

if (spec.trim() !== '') {
  patch(dgram.Socket.prototype, 'bind');
  patch(net.Server.prototype, 'listen');
}
