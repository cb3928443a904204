/**
 * A preload (`node --require …/securityNetworkTrap.js`) that makes every way out of the
 * process throw before anything is sent: sockets, HTTP(S), TLS, UDP, DNS and fetch. Each
 * attempt is appended to the file named by AI_READINESS_NETWORK_LOG, so a test can assert
 * there were none.
 */
import { appendFileSync } from "node:fs";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

const log = process.env.AI_READINESS_NETWORK_LOG;

function trap(what: string): never {
  if (log) appendFileSync(log, `${what}\n`);
  throw new Error(`network access attempted: ${what}`);
}

function replace(target: object, names: string[], prefix: string): void {
  for (const name of names) {
    if (typeof (target as Record<string, unknown>)[name] !== "function") continue;
    Object.defineProperty(target, name, { value: () => trap(`${prefix}.${name}`), writable: true, configurable: true });
  }
}

replace(net, ["connect", "createConnection", "createServer"], "net");
replace(net.Socket.prototype, ["connect"], "net.Socket");
replace(tls, ["connect"], "tls");
replace(http, ["request", "get", "createServer"], "http");
replace(https, ["request", "get", "createServer"], "https");
replace(dgram, ["createSocket"], "dgram");
replace(dns, ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "resolveTxt", "resolveSrv", "reverse", "lookupService"], "dns");
replace(dns.promises, ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"], "dns.promises");
replace(globalThis, ["fetch", "WebSocket", "EventSource"], "global");
