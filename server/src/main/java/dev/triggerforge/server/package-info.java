/**
 * The Quarkus server (ingestion, partitioned sessions, outbox, REST API) arrives with issue 4; until then this module
 * only proves the build graph.
 */
package dev.triggerforge.server;
