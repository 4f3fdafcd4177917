/**
 * Limiters inside one process: the embedded default, and the conservative fallback the Redis
 * limiters use while Redis cannot be reached.
 */
package dev.sremcp.persistence.local;
