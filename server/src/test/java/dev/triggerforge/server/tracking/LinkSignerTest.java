package dev.triggerforge.server.tracking;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signer alone: what it signs comes back, and nothing it did not sign does. */
class LinkSignerTest {

    private final LinkSigner signer = new LinkSigner("a key only this test knows".getBytes(StandardCharsets.UTF_8));
    private final LinkToken click = new LinkToken(LinkKind.CLICK, "cart-abandonment|c-1|cart-9",
            "https://shop.example.com/cart?id=9&utm_source=triggerforge");

    @Test
    void signedTokensComeBackWhole() {
        assertEquals(Optional.of(click), signer.verify(signer.sign(click)));
        LinkToken open = new LinkToken(LinkKind.OPEN, "k|1", null);
        assertEquals(Optional.of(open), signer.verify(signer.sign(open)));
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String token = signer.sign(click);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertTrue(signer.verify(changed).isEmpty(), "changed at " + i + ": " + changed);
        }
    }

    @Test
    void aSignatureOfAnotherUrlOrAnotherKeyIsRefused() {
        String good = signer.sign(click);
        String evil = signer.sign(new LinkToken(LinkKind.CLICK, click.sendKey(), "https://evil.example/"));
        String smuggled = evil.substring(0, evil.indexOf('.')) + good.substring(good.indexOf('.'));
        assertTrue(signer.verify(smuggled).isEmpty());
        LinkSigner other = new LinkSigner("another key".getBytes(StandardCharsets.UTF_8));
        assertTrue(signer.verify(other.sign(click)).isEmpty());
        assertTrue(signer.verify(good.substring(0, good.indexOf('.'))).isEmpty(), "unsigned");
        assertTrue(signer.verify("").isEmpty());
        assertTrue(signer.verify("not base64!.x").isEmpty());
    }
}
