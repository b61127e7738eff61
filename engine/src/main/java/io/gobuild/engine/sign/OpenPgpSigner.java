package io.gobuild.engine.sign;

import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Detached, ASCII-armoured OpenPGP signatures made in the JVM from an armoured secret key, so that
 * agents need no gpg. Every reason a key cannot sign is found when it is loaded, before anything
 * is packaged or published.
 */
public final class OpenPgpSigner {
    private final PGPSecretKey secretKey;
    private final PGPPrivateKey privateKey;

    private OpenPgpSigner(PGPSecretKey secretKey, PGPPrivateKey privateKey) {
        this.secretKey = secretKey;
        this.privateKey = privateKey;
    }

    /**
     * Loads the newest usable signing key of an armoured (or binary) secret key file.
     *
     * @param source     how errors name the key (its file)
     * @param passphrase null when none was given
     * @param now        the time against which expiry is judged
     * @throws UsageException naming why the key cannot sign
     */
    public static OpenPgpSigner load(String source, byte[] key, Secret passphrase, Instant now) {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        boolean publicOnly = false;
        try {
            PGPObjectFactory objects = new PGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(key)),
                    new BcKeyFingerprintCalculator());
            for (Object object : objects) {
                if (object instanceof PGPSecretKeyRing ring) {
                    rings.add(ring);
                } else if (object instanceof PGPPublicKeyRing) {
                    publicOnly = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UsageException("OpenPGP key " + source + " cannot be read (" + oneLine(e) + "); expected an armoured secret key "
                    + "as 'gpg --export-secret-keys --armor' writes it");
        }
        if (rings.isEmpty()) {
            throw new UsageException(publicOnly
                    ? "OpenPGP key " + source + " is a public key; signing needs the secret key ('gpg --export-secret-keys --armor')"
                    : "OpenPGP key " + source + " holds no key; expected an armoured secret key ('gpg --export-secret-keys --armor')");
        }
        PGPSecretKey chosen = choose(source, rings, now);
        return new OpenPgpSigner(chosen, unlock(source, chosen, passphrase));
    }

    private static PGPSecretKey choose(String source, List<PGPSecretKeyRing> rings, Instant now) {
        String problem = null;
        PGPSecretKey best = null;
        for (PGPSecretKeyRing ring : rings) {
            PGPPublicKey primary = ring.getPublicKey();
            String primaryProblem = unusable(primary, now);
            for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
                PGPSecretKey candidate = it.next();
                PGPPublicKey pub = candidate.getPublicKey();
                if (!canSign(pub, primary) || candidate.isPrivateKeyEmpty()) {
                    continue;
                }
                String why = primaryProblem != null ? primaryProblem : unusable(pub, now);
                if (why != null) {
                    problem = why;
                } else if (best == null || pub.getCreationTime().after(best.getPublicKey().getCreationTime())) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            throw new UsageException("OpenPGP key " + source + " cannot sign: "
                    + (problem != null ? problem : "it has no secret key capable of signing"));
        }
        return best;
    }

    private static String unusable(PGPPublicKey key, Instant now) {
        String id = fingerprintOf(key);
        if (key.hasRevocation()) {
            return "key " + id + " is revoked";
        }
        long valid = key.getValidSeconds();
        if (valid > 0) {
            Instant expiry = key.getCreationTime().toInstant().plusSeconds(valid);
            if (!expiry.isAfter(now)) {
                return "key " + id + " expired on " + expiry;
            }
        }
        return null;
    }

    private static boolean canSign(PGPPublicKey key, PGPPublicKey primary) {
        int flags = 0;
        boolean flagged = false;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (sig.getKeyID() == primary.getKeyID() && sig.getHashedSubPackets() != null
                    && sig.getHashedSubPackets().hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
                flags |= sig.getHashedSubPackets().getKeyFlags();
                flagged = true;
            }
        }
        // Keys without flags predate them: a primary key could always sign.
        return flagged ? (flags & KeyFlags.SIGN_DATA) != 0 : key.isMasterKey();
    }

    private static PGPPrivateKey unlock(String source, PGPSecretKey key, Secret passphrase) {
        boolean protectedKey = key.getKeyEncryptionAlgorithm() != 0;
        if (protectedKey && (passphrase == null || passphrase.isEmpty())) {
            throw new UsageException("OpenPGP key " + source + " is protected by a passphrase and none was given "
                    + "(--passphrase-env VAR or --passphrase-file FILE)");
        }
        try {
            char[] chars = passphrase == null ? new char[0] : passphrase.chars();
            return key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(chars));
        } catch (PGPException | RuntimeException e) {
            throw new UsageException("wrong passphrase for OpenPGP key " + source + " (" + fingerprintOf(key.getPublicKey()) + ")");
        }
    }

    /** The signing key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return fingerprintOf(secretKey.getPublicKey());
    }

    /** A detached, armoured signature of the data, created at the given time (never before the key itself). */
    public byte[] sign(byte[] data, Instant time) throws IOException {
        Date created = Date.from(time);
        if (created.before(secretKey.getPublicKey().getCreationTime())) {
            created = secretKey.getPublicKey().getCreationTime();
        }
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(secretKey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256));
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, created);
            hashed.setIssuerFingerprint(false, secretKey);
            generator.setHashedSubpackets(hashed.generate());
            generator.update(data);
            PGPSignature signature = generator.generate();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ArmoredOutputStream armour = new ArmoredOutputStream(bytes);
            armour.setHeader(ArmoredOutputStream.VERSION_HDR, null);
            try (BCPGOutputStream out = new BCPGOutputStream(armour)) {
                signature.encode(out);
            }
            armour.close();
            return bytes.toByteArray();
        } catch (PGPException e) {
            throw new IOException("OpenPGP signing failed: " + oneLine(e), e);
        }
    }

    /** Whether an armoured detached signature is this key's, over exactly this data. */
    public boolean verifies(byte[] data, byte[] armouredSignature) {
        try {
            PGPObjectFactory objects = new PGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armouredSignature)),
                    new BcKeyFingerprintCalculator());
            Object object = objects.nextObject();
            if (!(object instanceof PGPSignatureList list)) {
                return false;
            }
            for (PGPSignature signature : list) {
                if (signature.getKeyID() == secretKey.getKeyID()) {
                    signature.init(new BcPGPContentVerifierBuilderProvider(), secretKey.getPublicKey());
                    signature.update(data);
                    if (signature.verify()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | PGPException | RuntimeException e) {
            return false;
        }
    }

    private static String fingerprintOf(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
