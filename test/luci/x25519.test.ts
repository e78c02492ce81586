// Public keys derived in the browser equal what `wg pubkey` (X25519) gives.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fc from 'fast-check';
import { publicKey, x25519, b64decode, b64encode } from '../../src/luci/_x25519';

const hex = (h: string) => [...Buffer.from(h, 'hex')];

test('RFC 7748 §6.1 key pairs', () => {
	const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
	const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
	const nine = [9, ...new Array(31).fill(0)];
	assert.equal(Buffer.from(x25519(alice, nine)).toString('hex'), '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
	assert.equal(Buffer.from(x25519(bob, nine)).toString('hex'), 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
	// the shared secret both sides compute
	const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
	assert.equal(Buffer.from(x25519(alice, x25519(bob, nine))).toString('hex'), shared);
});

test('RFC 7748 §5.2 test vector (non-base point)', () => {
	const k = hex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
	const u = hex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c');
	assert.equal(Buffer.from(x25519(k, u)).toString('hex'), 'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
});

function nodePub(privB64: string): string {
	const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.from(privB64, 'base64')]);
	const pub = crypto.createPublicKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
	return (pub.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('base64');
}

test('publicKey() agrees with OpenSSL X25519 for random keys', () => {
	fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
		const priv = Buffer.from(b).toString('base64');
		assert.equal(publicKey(priv), nodePub(priv));
	}), { numRuns: 40 });
});

test('the golden server key gives the public key the .conf of a peer carries', () => {
	assert.equal(publicKey('AAQIlWc0tV1SEAUtulqCLJg2V81QJAwl4qgWpZUlKV0='), nodePub('AAQIlWc0tV1SEAUtulqCLJg2V81QJAwl4qgWpZUlKV0='));
});

test('not a key → null', () => {
	for (const s of ['', 'abc', 'AAAA', Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('base64'), '!!!!']) assert.equal(publicKey(s), null);
});

test('base64 round trip', () => {
	fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
		const s = b64encode([...b]);
		assert.equal(s, Buffer.from(b).toString('base64'));
		assert.deepEqual(b64decode(s), [...b]);
	}));
});
