package io.gobuild.engine.sign;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Dead Simple Signing Envelopes: the wrapper cosign and in-toto use for signed attestations. */
public final class Dsse {
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {
    }

    /** The pre-authentication encoding that is signed, binding the payload to its type. */
    static byte[] pae(String payloadType, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * One envelope line (JSON Lines, as `.intoto.jsonl` files hold): signed with the cosign key when
     * there is one, without signatures otherwise.
     */
    public static byte[] envelope(String payloadType, byte[] payload, CosignSigner signer) {
        var mapper = JsonMapper.builder().build();
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("payloadType", payloadType);
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        var signatures = envelope.putArray("signatures");
        if (signer != null) {
            signatures.addObject().put("keyid", "").put("sig", Base64.getEncoder().encodeToString(signer.signature(pae(payloadType, payload))));
        }
        try {
            return (mapper.writeValueAsString(envelope) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("envelope encoding failed", e);
        }
    }
}
