package dev.triggerforge.server.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites the links of a real send into signed links back to this server, and adds its open pixel and unsubscribe
 * link, so opens, clicks and unsubscribes come back as events about that very send.
 */
@ApplicationScoped
public class TrackedLinks {

    /** The key of the unsubscribe link in a template's {@code links}. */
    public static final String UNSUBSCRIBE = "unsubscribe";
    /** The key of the open pixel's address in a template's {@code links}. */
    public static final String OPEN_PIXEL = "openPixel";

    private final LinkSigner signer;
    private final String baseUrl;

    TrackedLinks(LinkSigner signer, TrackingConfig config) {
        this.signer = signer;
        this.baseUrl = config.baseUrl().endsWith("/")
                ? config.baseUrl().substring(0, config.baseUrl().length() - 1) : config.baseUrl();
    }

    /** Every http(s) link becomes a signed click link; the pixel and the unsubscribe link are added. */
    public Map<String, String> track(String sendKey, Map<String, String> links) {
        Map<String, String> tracked = new LinkedHashMap<>();
        links.forEach((name, url) -> tracked.put(name, isWeb(url) ? click(sendKey, url) : url));
        tracked.put(UNSUBSCRIBE, unsubscribe(sendKey));
        tracked.put(OPEN_PIXEL, url(new LinkToken(LinkKind.OPEN, sendKey, null)));
        return tracked;
    }

    public String click(String sendKey, String target) {
        return url(new LinkToken(LinkKind.CLICK, sendKey, target));
    }

    public String unsubscribe(String sendKey) {
        return url(new LinkToken(LinkKind.UNSUBSCRIBE, sendKey, null));
    }

    private String url(LinkToken token) {
        return baseUrl + "/t/" + token.kind().code() + "/" + signer.sign(token);
    }

    /** Whether a URL is absolute http or https, the only targets a click may lead to. */
    static boolean isWeb(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
