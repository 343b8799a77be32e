// Test-time certificates for the Exchange emulator: one test CA and the leaves the Interop "SSL error"
// needs (valid for localhost, expired, self-signed, wrong name). Generated per process, never stored.
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
};
const DAY = 86_400_000;

export interface TestCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface TestCertificates {
  readonly caPem: string;
  readonly valid: TestCertificate;
  readonly expired: TestCertificate;
  readonly selfSigned: TestCertificate;
  readonly wrongName: TestCertificate;
  /** Valid and trusted, but expires in 5 days: a connection that works now and will break. */
  readonly expiringSoon: TestCertificate;
}

async function keyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

function keys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
}

function leafExtensions(dnsName: string, publicKey: webcrypto.CryptoKey): Promise<x509.Extension[]> {
  return x509.SubjectKeyIdentifierExtension.create(publicKey).then((ski) => [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: dnsName }]),
    ski,
  ]);
}

let cached: Promise<TestCertificates> | undefined;

/** The emulator's certificates; generated once per process. */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= generate();
  return cached;
}

async function generate(): Promise<TestCertificates> {
  const now = Date.now();
  const caKeys = await keys();
  const caName = 'CN=Tsunagi Exchange Emulator Test CA';
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: caName,
    keys: caKeys,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const signed = async (dnsName: string, notBefore: Date, notAfter: Date): Promise<TestCertificate> => {
    const leafKeys = await keys();
    const cert = await x509.X509CertificateGenerator.create({
      subject: `CN=${dnsName}`,
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ALG,
      extensions: [
        ...(await leafExtensions(dnsName, leafKeys.publicKey)),
        await x509.AuthorityKeyIdentifierExtension.create(ca),
      ],
    });
    return { certPem: cert.toString('pem'), keyPem: await keyPem(leafKeys.privateKey) };
  };

  const selfKeys = await keys();
  const self = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=localhost',
    keys: selfKeys,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALG,
    extensions: await leafExtensions('localhost', selfKeys.publicKey),
  });

  return {
    caPem: ca.toString('pem'),
    valid: await signed('localhost', new Date(now - DAY), new Date(now + 30 * DAY)),
    expired: await signed('localhost', new Date(now - 60 * DAY), new Date(now - 30 * DAY)),
    selfSigned: { certPem: self.toString('pem'), keyPem: await keyPem(selfKeys.privateKey) },
    wrongName: await signed('mail.example.test', new Date(now - DAY), new Date(now + 30 * DAY)),
    expiringSoon: await signed('localhost', new Date(now - 85 * DAY), new Date(now + 5 * DAY)),
  };
}
