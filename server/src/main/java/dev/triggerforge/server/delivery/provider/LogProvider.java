package dev.triggerforge.server.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The default provider: writes one line per email to the log and sends nothing, so a fresh install or a demo can run
 * the whole pipeline without any risk of mailing real customers.
 */
@ApplicationScoped
public class LogProvider implements EmailProvider {

    private static final Logger LOG = Logger.getLogger(LogProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public DeliveryReceipt send(OutgoingEmail email) {
        LOG.infof("Email not sent (log provider): send=%s template=%s to=%s subject=\"%s\"",
                email.sendId(), email.templateId(), mask(email.to()), email.subject());
        return new DeliveryReceipt(name(), "log-" + email.sendId());
    }

    /** Keeps the domain and the first letter of an address, enough to follow a send without logging the address. */
    static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
