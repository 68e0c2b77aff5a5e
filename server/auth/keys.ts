// The key pair that signs access tokens. Production: JWT_PRIVATE_KEY (PKCS#8 PEM). Development: generated
// once into DATA_DIR/keys so tokens survive restarts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';
import type { ServerConfig } from '../config.ts';

export interface SigningKeys {
  algorithm: 'ES256' | 'EdDSA';
  kid: string;
  privateKey: CryptoKey;
  /** Public JWK as served at /.well-known/jwks.json. */
  publicJwk: JWK;
}

export async function loadSigningKeys(config: Pick<ServerConfig, 'jwt' | 'dataDir'>): Promise<SigningKeys> {
  const { algorithm } = config.jwt;
  const pem = config.jwt.privateKeyPem ?? (await developmentKey(config.dataDir, algorithm));
  const privateKey = await importPKCS8(pem, algorithm, { extractable: true });
  // The public half is derived from the private JWK by dropping its secret member.
  const { d: _secret, ...publicJwk } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { algorithm, kid, privateKey, publicJwk: { ...publicJwk, kid, alg: algorithm, use: 'sig' } };
}

async function developmentKey(dataDir: string, algorithm: SigningKeys['algorithm']): Promise<string> {
  const file = path.join(dataDir, 'keys', `${algorithm}.pem`);
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing) return existing;
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const pem = await exportPKCS8(privateKey);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  // Another process may have won the race to create it; theirs is the one to use.
  return fs.readFile(file, 'utf8');
}
