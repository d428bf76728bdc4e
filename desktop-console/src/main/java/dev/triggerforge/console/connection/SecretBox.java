package dev.triggerforge.console.connection;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts stored server secrets (AES-256-GCM) with a key kept in its own owner-only file, so the profiles file can
 * be read, backed up or shared without giving away a token or password.
 */
public final class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private SecretKey key;

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The secret sealed as Base64 of a fresh IV followed by the ciphertext and its tag. */
    public synchronized String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the secret", e);
        }
    }

    /** The secret back; fails if the text was changed or was sealed with another key. */
    public synchronized String open(String sealedText) {
        try {
            byte[] in = Base64.getDecoder().decode(sealedText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored secret cannot be read with " + keyFile
                    + " (changed, or from another machine); enter it again", e);
        }
    }

    private SecretKey key() throws GeneralSecurityException {
        if (key == null) {
            key = Files.isRegularFile(keyFile) ? read() : create();
        }
        return key;
    }

    private SecretKey read() {
        try {
            return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(keyFile).trim()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keyFile, e);
        }
    }

    private SecretKey create() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, RANDOM);
        SecretKey fresh = generator.generateKey();
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh.getEncoded()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + keyFile, e);
        }
        return fresh;
    }
}
