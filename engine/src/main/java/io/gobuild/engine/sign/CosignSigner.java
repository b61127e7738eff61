package io.gobuild.engine.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * Signs with an ECDSA P-256 key pair as `cosign generate-key-pair` writes it (a PKCS#8 key sealed
 * with scrypt and NaCl secretbox), so that `cosign verify-blob --key` verifies offline. Signatures
 * use deterministic nonces (RFC 6979): signing the same bytes again gives the same signature.
 */
public final class CosignSigner {
    private static final Set<String> PEM_TYPES = Set.of("ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY");
    private static final int SALSA_KEY_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private CosignSigner(ECPrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        var domain = privateKey.getParameters();
        this.publicKey = new ECPublicKeyParameters(new FixedPointCombMultiplier().multiply(domain.getG(), privateKey.getD()).normalize(),
                domain);
    }

    /**
     * Opens a cosign private key file.
     *
     * @param source     how errors name the key (its file)
     * @param passphrase the key's password; cosign allows an empty one
     * @throws UsageException naming why the key cannot be used
     */
    public static CosignSigner load(String source, byte[] pem, Secret passphrase) {
        PemObject object;
        try (PemReader reader = new PemReader(new InputStreamReader(new java.io.ByteArrayInputStream(pem), StandardCharsets.US_ASCII))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            object = null;
        }
        if (object == null || !PEM_TYPES.contains(object.getType())) {
            throw new UsageException("cosign key " + source + " is not a cosign private key; expected a PEM block "
                    + String.join(" or ", PEM_TYPES.stream().sorted().toList()) + " as 'cosign generate-key-pair' writes it"
                    + (object == null ? "" : ", found " + object.getType()));
        }
        byte[] pkcs8 = open(source, object.getContent(), passphrase == null ? new byte[0] : passphrase.utf8());
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8);
            if (!(key instanceof ECPrivateKeyParameters ec) || ec.getParameters().getCurve().getFieldSize() != 256) {
                throw new UsageException("cosign key " + source + " is not an ECDSA P-256 key; only those are supported");
            }
            return new CosignSigner(ec);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cosign key " + source + " holds no readable private key");
        }
    }

    /** Opens the scrypt + secretbox envelope of go-securesystemslib's `encrypted` package. */
    private static byte[] open(String source, byte[] envelope, byte[] password) {
        JsonNode json;
        try {
            json = JsonMapper.builder().build().readTree(envelope);
        } catch (IOException e) {
            throw new UsageException("cosign key " + source + " is damaged: its sealed content is not JSON");
        }
        if (!"scrypt".equals(json.path("kdf").path("name").asText()) || !"nacl/secretbox".equals(json.path("cipher").path("name").asText())) {
            throw new UsageException("cosign key " + source + " is sealed with an unsupported method; accepted: scrypt with nacl/secretbox");
        }
        JsonNode params = json.path("kdf").path("params");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] key = SCrypt.generate(password, b64.decode(json.path("kdf").path("salt").asText()), params.path("N").asInt(),
                params.path("r").asInt(), params.path("p").asInt(), SALSA_KEY_BYTES);
        byte[] box = b64.decode(json.path("ciphertext").asText());
        byte[] nonce = b64.decode(json.path("cipher").path("nonce").asText());
        if (box.length < TAG_BYTES || nonce.length != 24) {
            throw new UsageException("cosign key " + source + " is damaged: its sealed content is too short");
        }
        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] macKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, macKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        if (!MessageDigest.isEqual(tag, java.util.Arrays.copyOf(box, TAG_BYTES))) {
            throw new UsageException("wrong passphrase for cosign key " + source);
        }
        byte[] plain = new byte[box.length - TAG_BYTES];
        stream.processBytes(box, TAG_BYTES, plain.length, plain, 0);
        return plain;
    }

    /** The signature cosign sign-blob would write: base64 of the DER ECDSA signature over the data's sha256. */
    public byte[] signBlob(byte[] data) {
        return Base64.getEncoder().encode(signature(data));
    }

    /** Whether a base64 signature (as signBlob writes) is this key's over exactly this data. */
    public boolean verifiesBlob(byte[] data, byte[] base64Signature) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(Base64.getDecoder().decode(new String(base64Signature,
                    StandardCharsets.US_ASCII).strip()));
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, publicKey);
            return verifier.verifySignature(sha256(data), ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
                    ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The DER signature over the data's sha256. */
    byte[] signature(byte[] data) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(sha256(data));
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a signature failed", e);
        }
    }

    /** The public key as cosign.pub holds it. */
    public String publicKeyPem() {
        try {
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject("PUBLIC KEY", SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded()));
            }
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException("public key encoding failed", e);
        }
    }

    /** Names the key in reports: the sha256 of its DER public key, as cosign's key ids are derived. */
    public String keyId() {
        try {
            return "sha256:" + org.bouncycastle.util.encoders.Hex.toHexString(
                    sha256(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("public key encoding failed", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
