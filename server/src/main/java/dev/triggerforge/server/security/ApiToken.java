package dev.triggerforge.server.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bearer token, stored as the SHA-256 of its value so a copy of the database does not hand out access. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    public String tokenHash;
    public String username;
    public String role;
    public String description;
    public Instant createdAt;
}
