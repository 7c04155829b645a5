// A fast callback receiver for bench/callbacks.sh (Node.js, no packages).
//
// Usage: node callback-receiver.js PORT ADMIN_PORT OUT_FILE
//   environment: SIGNING_SECRET=whsec_... (when set, every request's Standard Webhooks
//   signature is checked and bad ones are counted; they are answered 200 all the same)
//
// On 127.0.0.1:PORT it answers every request 200 at once, then records one line per request
// in OUT_FILE (buffered, written every 100 ms and on exit):
//   <received, Unix ms with fractions> <webhook-id> <userId> <sessionId> <sequence>
//   <occurredAt, Unix ms with fractions> <signature ok: 1 | 0 | -> <status>
// The receive time is taken when the whole body has arrived (performance.timeOrigin +
// performance.now(): the system clock at start plus a monotonic clock).
//
// On 127.0.0.1:ADMIN_PORT:
//   GET  /stats  {"up":true,"received":N,"byPrefix":{"cb-run":N,...},"badSignatures":N,
//                 "connections":N,"now":<Unix ms>}; the prefix is the userId up to its last
//                 "-", connections counts the TCP connections accepted on PORT
//   POST /down   stops listening on PORT and drops its open connections: new connections
//                are refused, as with a receiver that is not running; answers {"at":<Unix ms>}
//   POST /up     listens on PORT again; answers {"at":<Unix ms>} once listening
//   POST /flush  writes what is buffered; answers {"written":N}
// SIGTERM / SIGINT: writes what is buffered and exits.

'use strict';

const http = require('http');
const fs = require('fs');
const crypto = require('crypto');
const { performance } = require('perf_hooks');

const [port, adminPort, outFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
if (!port || !adminPort || !outFile) {
	console.error('usage: node callback-receiver.js PORT ADMIN_PORT OUT_FILE');
	process.exit(2);
}
const secret = process.env.SIGNING_SECRET || '';
const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : null;

const out = fs.openSync(outFile, 'a');
let buffer = [];
let received = 0;
let written = 0;
let badSignatures = 0;
let connections = 0;
const byPrefix = {};

const nowMs = () => performance.timeOrigin + performance.now();

function flush() {
	if (buffer.length > 0) {
		fs.writeSync(out, buffer.join(''));
		written += buffer.length;
		buffer = [];
	}
}
setInterval(flush, 100).unref();

// "2025-11-26T01:29:00.123456Z" -> Unix ms with the fraction kept (Date.parse stops at ms).
function isoToMs(iso) {
	if (typeof iso !== 'string') {
		return NaN;
	}
	const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
	if (!m) {
		return Date.parse(iso);
	}
	return Date.parse(m[1] + 'Z') + (m[2] ? Number('0.' + m[2]) * 1000 : 0);
}

function signatureOk(headers, body) {
	if (!key) {
		return '-';
	}
	const id = headers['webhook-id'];
	const timestamp = headers['webhook-timestamp'];
	const signatures = headers['webhook-signature'];
	if (!id || !timestamp || !signatures) {
		return '0';
	}
	const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
	for (const signature of signatures.split(' ')) {
		if (signature.startsWith('v1,')) {
			const given = Buffer.from(signature.slice(3), 'base64');
			if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
				return '1';
			}
		}
	}
	return '0';
}

function onCallback(req, res) {
	const chunks = [];
	req.on('data', (chunk) => chunks.push(chunk));
	req.on('end', () => {
		const at = nowMs();
		res.writeHead(200, { 'Content-Length': '0' });
		res.end();
		received++;
		const body = Buffer.concat(chunks);
		let data = {};
		try {
			data = JSON.parse(body.toString('utf8')).data || {};
		}
		catch (e) {
			// recorded with empty fields
		}
		const userId = String(data.userId || '-');
		const prefix = userId.includes('-') ? userId.slice(0, userId.lastIndexOf('-')) : userId;
		byPrefix[prefix] = (byPrefix[prefix] || 0) + 1;
		const sig = signatureOk(req.headers, body);
		if (sig === '0') {
			badSignatures++;
		}
		buffer.push(`${at.toFixed(3)} ${req.headers['webhook-id'] || '-'} ${userId} ${data.sessionId || '-'} `
			+ `${data.sequence ?? '-'} ${isoToMs(data.occurredAt).toFixed(3)} ${sig} ${data.status || '-'}\n`);
	});
}

let server = null;

function up(callback) {
	if (server) {
		callback();
		return;
	}
	server = http.createServer({ keepAliveTimeout: 60000 }, onCallback);
	server.on('connection', () => connections++);
	server.on('error', (e) => {
		console.error(`receiver: ${e.message}`);
		process.exit(2);
	});
	server.listen(port, '127.0.0.1', callback);
}

function down() {
	if (server) {
		server.close();
		server.closeAllConnections();
		server = null;
	}
}

function json(res, body) {
	const text = JSON.stringify(body);
	res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

const admin = http.createServer((req, res) => {
	if (req.method === 'GET' && req.url === '/stats') {
		json(res, { up: server !== null, received, byPrefix, badSignatures, connections, now: nowMs() });
	}
	else if (req.method === 'POST' && req.url === '/down') {
		down();
		json(res, { at: nowMs() });
	}
	else if (req.method === 'POST' && req.url === '/up') {
		up(() => json(res, { at: nowMs() }));
	}
	else if (req.method === 'POST' && req.url === '/flush') {
		flush();
		json(res, { written });
	}
	else {
		res.writeHead(404);
		res.end();
	}
});
admin.on('error', (e) => {
	console.error(`receiver admin: ${e.message}`);
	process.exit(2);
});

function exit() {
	flush();
	process.exit(0);
}
process.on('SIGTERM', exit);
process.on('SIGINT', exit);

up(() => admin.listen(adminPort, '127.0.0.1', () => console.log(`receiver on ${port}, admin on ${adminPort}`)));
