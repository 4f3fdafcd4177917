/**
 * Log mining: the line header, the masking of variable parts, and the online template miner that
 * turns a log of any size into a bounded set of templates. Pure functions and bounded state; no
 * I/O.
 */
package dev.sremcp.domain.logs;
