import * as fs from 'node:fs';
import { promisify } from 'node:util';

// The calls of node:fs/promises the harness uses, made from node:fs's own: the same work, without loading
// node:fs/promises, whose FileHandle machinery (streams, readline, file watchers) costs ~1 ms of every start of the
// CLI and of each slot.
export const appendFile = promisify(fs.appendFile);
export const copyFile = promisify(fs.copyFile);
export const lchown = promisify(fs.lchown);
export const lstat = promisify(fs.lstat);
export const mkdir = promisify(fs.mkdir);
export const mkdtemp = promisify(fs.mkdtemp);
export const readdir = promisify(fs.readdir);
export const readFile = promisify(fs.readFile);
export const rm = promisify(fs.rm);
export const stat = promisify(fs.stat);
