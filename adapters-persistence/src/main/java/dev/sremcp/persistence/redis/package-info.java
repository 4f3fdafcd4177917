/**
 * Limiters shared by every instance through Redis: one Lua script per decision (one round trip,
 * atomic), keys prefixed by account. While Redis cannot be reached they decide locally at a tenth
 * of each tier's limits, count it, and go back to Redis by themselves.
 */
package dev.sremcp.persistence.redis;
