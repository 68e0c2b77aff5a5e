// A fresh ES256 private key (PKCS#8 PEM), as production's JWT_PRIVATE_KEY requires one.
import { exportPKCS8, generateKeyPair } from 'jose';

export async function productionKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return exportPKCS8(privateKey);
}
