package dev.triggerforge.server.security;

import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.function.Supplier;

/** Turns checked credentials into Quarkus identities carrying the caller's role and every role it includes. */
final class Identities {

    private Identities() {
    }

    static Uni<SecurityIdentity> of(AuthenticationRequestContext context, Supplier<Optional<Credentials.Caller>> check) {
        return context.runBlocking(() -> check.get().map(Identities::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown user, wrong password or unknown token")));
    }

    private static SecurityIdentity identity(Credentials.Caller caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.name()))
                .addRoles(caller.role().granted()).build();
    }

    /** Basic authentication against the stored users. */
    @ApplicationScoped
    static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        private final Credentials credentials;

        Passwords(Credentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            PasswordCredential password = request.getPassword();
            return of(context, () -> credentials.password(request.getUsername(), new String(password.getPassword())));
        }
    }

    /** Bearer tokens against the stored token hashes. */
    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenAuthenticationRequest> {

        private final Credentials credentials;

        Tokens(Credentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return of(context, () -> credentials.token(request.getToken().getToken()));
        }
    }
}
