// argon2id through @node-rs/argon2 (prebuilt, no install script): OWASP's first choice for password
// storage, hashed off the event loop. pgcrypto offers only bcrypt, and hashing in SQL would spend the
// database's CPU on every login.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the e-mail is unknown makes both failures cost the same time.
const DUMMY_HASH = hash('rowgate timing equaliser');

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const ok = await verify(storedHash ?? (await DUMMY_HASH), password).catch(() => false);
  return storedHash !== undefined && ok;
}
