package dev.triggerforge.console.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles survive a restart with their secrets, and the secrets are never written in clear. */
class ProfileStoreTest {

    @TempDir
    Path folder;

    @Test
    void keepsProfilesAndSealsTheirSecrets() throws Exception {
        ProfileStore store = store();
        ServerProfile prod = new ServerProfile("prod", URI.create("https://tf.example.com"), "ana",
                ServerProfile.SecretKind.PASSWORD);
        store.save(prod, "correct horse battery staple");
        store.save(new ServerProfile("local", URI.create("http://localhost:8080"), "", ServerProfile.SecretKind.TOKEN),
                null);

        ProfileStore reopened = store();
        assertThat(reopened.profiles()).extracting(ServerProfile::name).containsExactly("prod", "local");
        assertThat(reopened.secret("prod")).contains("correct horse battery staple");
        assertThat(reopened.secret("local")).isEmpty();
        assertThat(reopened.last()).map(ServerProfile::name).contains("local");

        assertThat(Files.readString(folder.resolve("servers.json"))).contains("tf.example.com")
                .doesNotContain("correct horse").doesNotContain("battery");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("console.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecretSealedWithAnotherKeyIsRefusedWithAPlainReason() {
        store().save(new ServerProfile("prod", URI.create("https://tf.example.com"), "", ServerProfile.SecretKind.TOKEN),
                "tf_secret");
        ProfileStore elsewhere = new ProfileStore(folder.resolve("servers.json"),
                new SecretBox(folder.resolve("other.key")));
        assertThatThrownBy(() -> elsewhere.secret("prod")).hasMessageContaining("enter it again");
    }

    @Test
    void deletingForgetsTheProfile() {
        ProfileStore store = store();
        store.save(new ServerProfile("prod", URI.create("https://tf.example.com"), "", ServerProfile.SecretKind.TOKEN),
                "tf_secret");
        store.delete("prod");
        assertThat(store().profiles()).isEmpty();
        assertThat(store().last()).isEmpty();
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> new ServerProfile("x", ServerProfile.parseUrl("ftp://host"), "",
                ServerProfile.SecretKind.TOKEN)).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> new ServerProfile("x", ServerProfile.parseUrl("https://h"), "",
                ServerProfile.SecretKind.PASSWORD)).hasMessageContaining("needs a user name");
    }

    private ProfileStore store() {
        return new ProfileStore(folder.resolve("servers.json"), new SecretBox(folder.resolve("console.key")));
    }
}
