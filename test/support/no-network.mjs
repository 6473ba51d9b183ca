/**
 * Preloaded with `node --import` into a tool that must work offline (the Redocly CLI in the lint
 * test): every attempt to open a network connection is written to stderr and refused.
 */
import net from 'node:net';

function refuse(target) {
  process.stderr.write(`network access attempted: ${target}\n`);
  throw new Error(`network access is refused here (${target})`);
}

globalThis.fetch = async (input) => refuse(input instanceof Request ? input.url : String(input));
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  // Local IPC (a Unix socket path) is not the network.
  if (typeof options === 'string' || typeof options?.path === 'string') return connect.apply(this, args);
  return refuse(typeof options === 'object' ? `${options.host ?? options.hostname}:${options.port}` : `${args[1] ?? 'localhost'}:${options}`);
};
