package dev.triggerforge.server.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person or system allowed to call the API with a password, stored only as a BCrypt hash, and their role. */
@Entity
@Table(name = "api_users")
public class ApiUser {

    @Id
    public String username;
    public String passwordHash;
    public String role;
    public Instant createdAt;
}
